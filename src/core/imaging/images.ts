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
  /** 'cover' fills the square and crops the middle of the longer side; 'contain' keeps everything and pads with white. */
  fit: 'cover' | 'contain';
  /** Mirror left to right. */
  mirror?: boolean;
  /** Keep only a centred square this fraction of the shorter side wide (zooms in); the whole image when absent. */
  keep?: number;
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
    // Harmless warnings (extraneous bytes, odd markers) pass; a truncated file is refused.
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
  let pipeline = sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 3 } });
  if (view.mirror) pipeline = pipeline.flop();
  if (view.keep !== undefined && view.keep < 1) {
    const side = Math.max(1, Math.round(Math.min(image.width, image.height) * view.keep));
    pipeline = pipeline.extract({ left: Math.floor((image.width - side) / 2), top: Math.floor((image.height - side) / 2), width: side, height: side });
  }
  const data = await pipeline.resize(size, size, { fit: view.fit, background: white, kernel: 'lanczos3' }).raw().toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export interface EncodeOptions {
  format: 'png' | 'jpeg' | 'webp';
  /** Stored as EXIF orientation (1–8), for pictures that must be turned on display. */
  orientation?: number;
  /** Output colour encoding; sRGB when absent. */
  colourspace?: 'cmyk' | 'b-w' | 'rgb16';
}

/**
 * Encodes raw pixels (3 or 4 channels, 8-bit) as an image file: generated pictures
 * and the test fixtures that exercise every decoding path (EXIF, CMYK, 16-bit, grayscale).
 */
export async function encodeImage(image: { width: number; height: number; channels: 3 | 4; pixels: Uint8Array }, options: EncodeOptions): Promise<Uint8Array> {
  let pipeline = sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: image.channels } });
  if (options.colourspace) pipeline = pipeline.toColourspace(options.colourspace);
  if (options.format === 'png') pipeline = pipeline.png();
  else if (options.format === 'jpeg') pipeline = pipeline.jpeg({ quality: 95 });
  else pipeline = pipeline.webp({ lossless: true });
  if (options.orientation) pipeline = pipeline.withMetadata({ orientation: options.orientation });
  return new Uint8Array(await pipeline.toBuffer());
}
