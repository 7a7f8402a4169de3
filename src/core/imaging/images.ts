/**
 * The only module that imports sharp: decoding, metadata, resizing and rasterising.
 * Input limits keep a hostile or huge file from exhausting memory.
 */
import sharp from 'sharp';

/** Largest image accepted, in pixels (about 50 megapixels pass; beyond that is refused). */
export const maximumInputPixels = 60_000_000;

export interface ImageFacts {
  mime: string;
  width: number;
  height: number;
}

const mimeByFormat: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  heif: 'image/heif',
  tiff: 'image/tiff',
  svg: 'image/svg+xml',
};

/** Reads format and size; throws a readable error when the bytes are not an image. */
export async function readImageFacts(bytes: Uint8Array): Promise<ImageFacts> {
  if (bytes.byteLength === 0) throw new Error('the file is empty');
  try {
    const metadata = await sharp(bytes, { limitInputPixels: maximumInputPixels }).metadata();
    const mime = mimeByFormat[metadata.format ?? ''];
    if (!mime || !metadata.width || !metadata.height) throw new Error(`unsupported image format ${metadata.format ?? 'unknown'}`);
    // EXIF orientations 5-8 swap width and height on display.
    const rotated = (metadata.orientation ?? 1) >= 5;
    return { mime, width: rotated ? metadata.height : metadata.width, height: rotated ? metadata.width : metadata.height };
  } catch (error) {
    throw new Error(`not a readable image (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Rasterises an SVG document to PNG, for the packshots the demo store draws. */
export async function renderSvgToPng(svg: string): Promise<Uint8Array> {
  return new Uint8Array(await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer());
}
