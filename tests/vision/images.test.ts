import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeRgb, encodeImage, maximumInputPixels, readImageFacts, renderModelInput } from '../../src/core/imaging/images.ts';

type Colour = [number, number, number];
const red: Colour = [255, 0, 0];
const blue: Colour = [0, 0, 255];

/** The RGB value at (x, y) of decoded pixels. */
function pixel(image: { width: number; pixels: Uint8Array }, x: number, y: number): number[] {
  const offset = (y * image.width + x) * 3;
  return [...image.pixels.subarray(offset, offset + 3)];
}

/** Raw pixels painted by a function of the position. */
function paint(width: number, height: number, colour: (x: number, y: number) => number[], channels: 3 | 4 = 3) {
  const pixels = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) pixels.set(colour(x, y), (y * width + x) * channels);
  return { width, height, channels, pixels };
}

/** Left half red, right half blue. */
const halves = (width: number, height: number) => paint(width, height, (x) => (x < width / 2 ? red : blue));

/** Byte `offset` after the first JPEG start-of-frame marker (9 = number of colour components). */
function jpegFrameByte(bytes: Uint8Array, offset: number): number {
  for (let index = 2; index < bytes.length - 1; index += 1) {
    if (bytes[index] === 0xff && (bytes[index + 1] === 0xc0 || bytes[index + 1] === 0xc2)) return bytes[index + offset] as number;
  }
  throw new Error('no JPEG frame header');
}

/** A PNG whose header claims the given size; the pixel data is never needed to refuse it. */
function pngHeader(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', Buffer.alloc(16)), chunk('IEND', Buffer.alloc(0))]),
  );
}

describe('decodeRgb', () => {
  it('flattens transparency on white', async () => {
    const png = await encodeImage(paint(20, 10, (x) => (x < 10 ? [10, 200, 10, 0] : [10, 200, 10, 255]), 4), { format: 'png' });
    const image = await decodeRgb(png, 448);
    expect(image.pixels.length).toBe(20 * 10 * 3);
    expect(pixel(image, 5, 5)).toEqual([255, 255, 255]);
    expect(pixel(image, 15, 5)).toEqual([10, 200, 10]);
  });

  it('applies the EXIF orientation', async () => {
    // Orientation 6 means "rotate 90° clockwise to display": the left (red) half ends on top.
    const jpeg = await encodeImage(halves(40, 20), { format: 'jpeg', orientation: 6 });
    const image = await decodeRgb(jpeg, 448);
    expect([image.width, image.height]).toEqual([20, 40]);
    const [topRed, , topBlue] = pixel(image, 10, 5) as number[];
    const [bottomRed, , bottomBlue] = pixel(image, 10, 35) as number[];
    expect(topRed).toBeGreaterThan(200);
    expect(topBlue).toBeLessThan(60);
    expect(bottomBlue).toBeGreaterThan(200);
    expect(bottomRed).toBeLessThan(60);
  });

  it('turns grayscale into three equal channels', async () => {
    const png = await encodeImage(paint(8, 8, () => [90, 90, 90]), { format: 'png', colourspace: 'b-w' });
    expect(png[25]).toBe(0); // IHDR colour type 0: one grey channel
    const image = await decodeRgb(png, 448);
    const [r, g, b] = pixel(image, 4, 4) as number[];
    expect(r).toBe(g);
    expect(g).toBe(b);
    expect(Math.abs((r as number) - 90)).toBeLessThan(3);
  });

  it('reduces 16-bit PNG to 8-bit values', async () => {
    const png = await encodeImage(paint(8, 8, () => [200, 100, 50]), { format: 'png', colourspace: 'rgb16' });
    expect(png[24]).toBe(16); // IHDR bit depth
    const image = await decodeRgb(png, 448);
    expect(image.pixels.length).toBe(8 * 8 * 3);
    const [r, g, b] = pixel(image, 4, 4) as number[];
    expect(Math.abs((r as number) - 200)).toBeLessThan(3);
    expect(Math.abs((g as number) - 100)).toBeLessThan(3);
    expect(Math.abs((b as number) - 50)).toBeLessThan(3);
  });

  it('reads WebP and CMYK JPEG as sRGB', async () => {
    const webp = await encodeImage(paint(16, 16, () => red), { format: 'webp' });
    expect(pixel(await decodeRgb(webp, 448), 8, 8)).toEqual(red);
    const cmyk = await encodeImage(paint(16, 16, () => blue), { format: 'jpeg', colourspace: 'cmyk' });
    expect(jpegFrameByte(cmyk, 9)).toBe(4); // four colour components
    const [r, g, b] = pixel(await decodeRgb(cmyk, 448), 8, 8) as number[];
    // Pure sRGB blue is outside the CMYK gamut: it comes back as a duller blue (about 28, 60, 139).
    expect(b).toBeGreaterThan(110);
    expect(b).toBeGreaterThan((r as number) + 60);
    expect(b).toBeGreaterThan((g as number) + 50);
  });

  it('keeps big photos small', async () => {
    const jpeg = await encodeImage(paint(1200, 800, () => red), { format: 'jpeg' });
    const image = await decodeRgb(jpeg, 448);
    expect([image.width, image.height]).toEqual([448, 299]);
  });

  it('refuses empty, truncated, non-image and oversized files with readable errors', async () => {
    await expect(decodeRgb(new Uint8Array(0), 448)).rejects.toThrow('the file is empty');
    await expect(decodeRgb(new TextEncoder().encode('hello, this is not a picture'), 448)).rejects.toThrow(/not a readable image/);
    const jpeg = await encodeImage(halves(256, 256), { format: 'jpeg' });
    await expect(decodeRgb(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 448)).rejects.toThrow(/truncated or damaged/);
    const side = Math.ceil(Math.sqrt(maximumInputPixels)) + 1;
    await expect(decodeRgb(pngHeader(side, side), 448)).rejects.toThrow(/larger than 60,000,000 pixels/);
    // The existing helper still answers for ordinary images.
    expect(await readImageFacts(jpeg)).toEqual({ mime: 'image/jpeg', width: 256, height: 256 });
  });
});

describe('renderModelInput', () => {
  it('crops the middle to cover, pads with white to contain, and mirrors', async () => {
    const image = await decodeRgb(await encodeImage(halves(40, 20), { format: 'png' }), 448);
    const cover = await renderModelInput(image, 8, { fit: 'cover' });
    expect(cover.length).toBe(8 * 8 * 3);
    // A centred square of a left-red/right-blue strip: red on the left, blue on the right, no padding.
    expect(pixel({ width: 8, pixels: cover }, 0, 0)).toEqual(red);
    expect(pixel({ width: 8, pixels: cover }, 7, 7)).toEqual(blue);
    const contain = await renderModelInput(image, 8, { fit: 'contain' });
    expect(pixel({ width: 8, pixels: contain }, 0, 0)).toEqual([255, 255, 255]);
    const mirrored = await renderModelInput(image, 8, { fit: 'cover', mirror: true });
    expect(pixel({ width: 8, pixels: mirrored }, 0, 0)).toEqual(blue);
  });

  it('keeps only the middle of the square when asked to zoom in', async () => {
    // A blue square a little wider than half the height, on red, in a landscape picture.
    const framed = paint(60, 40, (x, y) => (Math.abs(x - 30) < 12 && Math.abs(y - 20) < 12 ? blue : red));
    const image = await decodeRgb(await encodeImage({ ...framed, channels: 3 }, { format: 'png' }), 448);
    const whole = await renderModelInput(image, 8, { fit: 'cover' });
    expect(pixel({ width: 8, pixels: whole }, 0, 0)).toEqual(red);
    const middle = await renderModelInput(image, 8, { fit: 'cover', keep: 0.5 });
    expect(middle.length).toBe(8 * 8 * 3);
    for (const [x, y] of [[0, 0], [7, 0], [0, 7], [7, 7]] as const) expect(pixel({ width: 8, pixels: middle }, x, y)).toEqual(blue);
  });
});
