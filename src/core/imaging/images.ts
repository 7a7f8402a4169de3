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

/** Decoded, upright, opaque 8-bit sRGB pixels, three bytes per pixel, row by row. */
export interface RgbImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** How a square model input is cut from a decoded image. */
export interface ModelView {
  /** 'cover' fills the square and crops the longer side; 'contain' keeps everything and pads. */
  fit: 'cover' | 'contain';
  /** Fraction of the covered square kept around its centre (1 = all of it, 0.6 = a closer look). */
  zoom?: number;
  /** Centre of the kept window as fractions of width and height; defaults to the middle. */
  centerX?: number;
  centerY?: number;
  /** Mirror left to right. */
  mirror?: boolean;
  /** Padding colour for 'contain'; white, like transparency. */
  padding?: { r: number; g: number; b: number };
}

const white = { r: 255, g: 255, b: 255 };

/** Rewrites libvips' messages into ones an agent can act on. */
function describeDecodeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return `the image is larger than ${maximumInputPixels.toLocaleString('en-US')} pixels`;
  if (/premature end|truncated|unexpected end|not enough data|read error/i.test(message)) return `the image is truncated or damaged (${message})`;
  if (/unsupported image format|bad seek|Input buffer/i.test(message)) return `not a readable image (${message})`;
  return `the image could not be decoded (${message})`;
}

/**
 * Decodes any supported image (JPEG, PNG, WebP, TIFF, GIF, AVIF; CMYK, 16-bit, grayscale,
 * transparency) into upright 8-bit sRGB pixels whose longer side is at most `maximumSide`.
 * EXIF orientation is applied, transparency is flattened on white, and damaged or oversized
 * files are refused with a readable error instead of producing a half-grey picture.
 */
export async function decodeRgb(bytes: Uint8Array, maximumSide: number): Promise<RgbImage> {
  if (bytes.byteLength === 0) throw new Error('the file is empty');
  try {
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!metadata.width || !metadata.height) throw new Error('unsupported image format');
    if (metadata.width * metadata.height > maximumInputPixels) {
      throw new Error(`pixel limit: ${metadata.width}×${metadata.height}`);
    }
    // Truncated files only warn in libvips by default; 'truncated' makes them fail.
    const { data, info } = await sharp(bytes, { limitInputPixels: maximumInputPixels, failOn: 'truncated' })
      .rotate()
      .flatten({ background: white })
      .resize(maximumSide, maximumSide, { fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`unexpected ${info.channels} channels after conversion`);
    return { width: info.width, height: info.height, pixels: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (error) {
    throw new Error(describeDecodeError(error));
  }
}

/** Cuts a size×size RGB model input out of decoded pixels, as the view says. */
export async function renderModelInput(image: RgbImage, size: number, view: ModelView): Promise<Uint8Array> {
  const zoom = Math.min(1, Math.max(0.05, view.zoom ?? 1));
  let pipeline = sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 3 } });
  // 'cover' looks through a square of the shorter side; 'contain' through the whole frame.
  const shorter = Math.min(image.width, image.height);
  const windowWidth = Math.max(1, Math.round((view.fit === 'cover' ? shorter : image.width) * zoom));
  const windowHeight = Math.max(1, Math.round((view.fit === 'cover' ? shorter : image.height) * zoom));
  if (windowWidth !== image.width || windowHeight !== image.height) {
    const left = clamp(Math.round((view.centerX ?? 0.5) * image.width - windowWidth / 2), 0, image.width - windowWidth);
    const top = clamp(Math.round((view.centerY ?? 0.5) * image.height - windowHeight / 2), 0, image.height - windowHeight);
    pipeline = pipeline.extract({ left, top, width: windowWidth, height: windowHeight });
  }
  if (view.mirror) pipeline = pipeline.flop();
  const data = await pipeline
    .resize(size, size, { fit: view.fit, background: view.padding ?? white, kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
