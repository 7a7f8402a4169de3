/**
 * Catalog images are studio shots on white; customer photos show the product on a shelf,
 * in a hand or as a pile. Each catalog image can be indexed as several vectors (mirrored,
 * on other backgrounds, cropped to the object, tiled like a pile of the same item).
 */
import { renderModelInput, type ModelView, type RgbImage } from '../imaging/images.ts';
import type { ImageEmbedder } from './embedder.ts';

/** Channels this bright that touch the border count as studio background. */
const backgroundLevel = 232;

export interface Augmentation {
  name: string;
  /** Builds the picture from the decoded catalog image. */
  picture: 'original' | 'object' | 'grey' | 'dark' | 'pile';
  view: ModelView;
}

/** Background pixels: near-white and connected to the border (a white label inside stays). */
export function studioBackground(image: RgbImage): Uint8Array {
  const { width, height, pixels } = image;
  const mask = new Uint8Array(width * height);
  const stack: number[] = [];
  const bright = (index: number) =>
    (pixels[index * 3] as number) >= backgroundLevel && (pixels[index * 3 + 1] as number) >= backgroundLevel && (pixels[index * 3 + 2] as number) >= backgroundLevel;
  const visit = (index: number) => {
    if (mask[index] === 0 && bright(index)) {
      mask[index] = 1;
      stack.push(index);
    }
  };
  for (let x = 0; x < width; x += 1) {
    visit(x);
    visit((height - 1) * width + x);
  }
  for (let y = 0; y < height; y += 1) {
    visit(y * width);
    visit(y * width + width - 1);
  }
  while (stack.length > 0) {
    const index = stack.pop() as number;
    const x = index % width;
    if (x > 0) visit(index - 1);
    if (x < width - 1) visit(index + 1);
    if (index >= width) visit(index - width);
    if (index < (height - 1) * width) visit(index + width);
  }
  return mask;
}

/** The smallest box around everything that is not background, or the whole image. */
function objectBox(image: RgbImage, mask: Uint8Array): { left: number; top: number; width: number; height: number } {
  let left = image.width;
  let top = image.height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      if (mask[y * image.width + x] === 1) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) return { left: 0, top: 0, width: image.width, height: image.height };
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

function crop(image: RgbImage, box: { left: number; top: number; width: number; height: number }): RgbImage {
  const pixels = new Uint8Array(box.width * box.height * 3);
  for (let y = 0; y < box.height; y += 1) {
    const from = ((box.top + y) * image.width + box.left) * 3;
    pixels.set(image.pixels.subarray(from, from + box.width * 3), y * box.width * 3);
  }
  return { width: box.width, height: box.height, pixels };
}

function withBackground(image: RgbImage, mask: Uint8Array, colour: [number, number, number]): RgbImage {
  const pixels = image.pixels.slice();
  for (let index = 0; index < mask.length; index += 1) {
    if (mask[index] === 1) pixels.set(colour, index * 3);
  }
  return { ...image, pixels };
}

/** The object repeated count×count times, like a crate of the same fruit. */
function tiles(object: RgbImage, count: number): RgbImage {
  const width = object.width * count;
  const height = object.height * count;
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    const row = object.pixels.subarray((y % object.height) * object.width * 3, ((y % object.height) + 1) * object.width * 3);
    for (let repeat = 0; repeat < count; repeat += 1) pixels.set(row, (y * width + repeat * object.width) * 3);
  }
  return { width, height, pixels };
}

/** Makes each picture an augmentation asks for, once; plain views never pay for the background mask. */
export function catalogPictures(image: RgbImage): (kind: Augmentation['picture']) => RgbImage {
  const made = new Map<Augmentation['picture'], RgbImage>([['original', image]]);
  let mask: Uint8Array | undefined;
  const background = () => (mask ??= studioBackground(image));
  const build: Record<Exclude<Augmentation['picture'], 'original'>, () => RgbImage> = {
    object: () => crop(image, objectBox(image, background())),
    grey: () => withBackground(image, background(), [128, 128, 128]),
    dark: () => withBackground(image, background(), [40, 36, 32]),
    pile: () => tiles(picture('object'), 2),
  };
  function picture(kind: Augmentation['picture']): RgbImage {
    let result = made.get(kind);
    if (!result) {
      result = build[kind as Exclude<Augmentation['picture'], 'original'>]();
      made.set(kind, result);
    }
    return result;
  }
  return picture;
}

/**
 * The augmentations a catalog image is indexed under: itself and its mirror image.
 * Measured on grocery val (scripts/bench-vision.ts): once vectors are projected into the
 * photo space, other backgrounds, object crops and piles add nothing but indexing time.
 */
export const catalogAugmentations: readonly Augmentation[] = [
  { name: 'original', picture: 'original', view: { fit: 'cover' } },
  { name: 'mirrored', picture: 'original', view: { fit: 'cover', mirror: true } },
];

/** The richer set the benchmark compares against (seven vectors per image). */
export const extendedAugmentations: readonly Augmentation[] = [
  ...catalogAugmentations,
  { name: 'grey background', picture: 'grey', view: { fit: 'cover' } },
  { name: 'dark background', picture: 'dark', view: { fit: 'cover' } },
  { name: 'object', picture: 'object', view: { fit: 'contain' } },
  { name: 'pile', picture: 'pile', view: { fit: 'cover' } },
  { name: 'pile mirrored', picture: 'pile', view: { fit: 'cover', mirror: true } },
];

/**
 * The vectors to index for one catalog image, one per augmentation, the plain view first.
 * Throws the decoding error when the bytes are not a usable image.
 */
export async function catalogVectors(
  embedder: ImageEmbedder,
  bytes: Uint8Array,
  augmentations: readonly Augmentation[] = catalogAugmentations,
): Promise<Float32Array[]> {
  const picture = catalogPictures(await embedder.decode(bytes));
  const inputs = await Promise.all(augmentations.map((augmentation) => renderModelInput(picture(augmentation.picture), embedder.inputSize, augmentation.view)));
  return embedder.embedInputs(inputs);
}
