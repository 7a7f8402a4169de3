import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { identifyPhotos, learnPhotos, type PhotoResult } from '../../core/services/vision.ts';
import { englishReason, reason } from '../../shared/error-reasons.ts';
import { prepareOutputFile, UsageError, type Command } from '../command.ts';

const imageExtensions = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.avif', '.tif', '.tiff', '.heic']);

interface ListedPhoto {
  /** The photo as the output names it: the list's entry as written, or the path inside the folder. */
  image: string;
  /** Where it is read from. */
  path: string;
}

/**
 * A list line's path. Data sets list photos with their labels (the Grocery Store data set's
 * val.txt: `val/Fruit/Apple/x.jpg, 0, 0`): a line that is no file is read up to its first comma.
 */
function listedPhoto(line: string, listFolder: string): ListedPhoto {
  const comma = line.indexOf(',');
  if (comma < 0 || existsSync(resolve(listFolder, line))) return { image: line, path: resolve(listFolder, line) };
  const image = line.slice(0, comma).trim();
  return { image, path: resolve(listFolder, image) };
}

/** A folder's images (sorted), or a list file with one path per line (relative to the list). */
async function listedPhotos(input: string): Promise<ListedPhoto[]> {
  let isFolder: boolean;
  try {
    isFolder = statSync(input).isDirectory();
  } catch {
    throw new UsageError(`${input} cannot be read (does it exist?)`);
  }
  if (isFolder) {
    return readdirSync(input, { recursive: true, encoding: 'utf8' })
      .filter((name) => imageExtensions.has(extname(name).toLowerCase()))
      .sort()
      .map((name) => ({ image: join(input, name), path: join(input, name) }));
  }
  const lines = (await readFile(input, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  return lines.map((line) => listedPhoto(line, dirname(input)));
}

/** Photos read this many at a time: bounds memory on long lists. */
const chunkSize = 64;

export const visionIdentifyCommand: Command = {
  path: ['vision', 'identify'],
  summary: 'Find the catalog products shown in photos',
  usage: 'shopdesk vision identify --in LIST.txt|DIR --out FILE.jsonl [--top K]',
  options: {
    in: { value: 'LIST|DIR', description: 'a text file with one image path per line, or a folder of images', required: true },
    out: { value: 'FILE', description: 'JSON lines {"image","matches":[{"sku","score"}],"confident"} in input order', required: true },
    top: { value: 'K', description: 'matches per photo (default 5)' },
  },
  async run({ core, options, io }) {
    const k = options.top === undefined ? 5 : Number(options.top);
    if (!Number.isSafeInteger(k) || k < 1) throw new UsageError(`--top must be a positive whole number, not ${String(options.top)}`);
    const listed = await listedPhotos(String(options.in));
    const lines: string[] = [];
    let failures = 0;
    for (let start = 0; start < listed.length; start += chunkSize) {
      const chunk = listed.slice(start, start + chunkSize);
      // A photo that cannot be read is answered as such; the others are identified.
      const photos: (Uint8Array | null)[] = await Promise.all(chunk.map(({ path }) => readFile(path).then((bytes) => new Uint8Array(bytes), () => null)));
      const readable = photos.filter((photo): photo is Uint8Array => photo !== null);
      const identified = await identifyPhotos(core.context, readable, k);
      let next = 0;
      const results = photos.map((photo): PhotoResult => (photo === null ? { error: englishReason(reason('import.unreadable_file')) } : (identified[next++] as PhotoResult)));
      results.forEach((result, index) => {
        const { image } = chunk[index] as ListedPhoto;
        if (result.error !== undefined) {
          failures += 1;
          io.err(`warning: ${image}: ${result.error}\n`);
          lines.push(JSON.stringify({ image, matches: [], confident: false, error: result.error }));
        } else {
          lines.push(JSON.stringify({ image, matches: result.matches.map((match) => ({ sku: match.key, score: Number(match.score.toFixed(6)) })), confident: result.confident }));
        }
      });
    }
    await writeFile(await prepareOutputFile(String(options.out)), lines.length ? `${lines.join('\n')}\n` : '');
    io.err(`identified ${listed.length - failures} of ${listed.length} photos\n`);
  },
};

export const visionLearnCommand: Command = {
  path: ['vision', 'learn'],
  summary: "Add confirmed photos to their products' galleries and learn from them",
  usage: 'shopdesk vision learn --in FILE.csv',
  options: { in: { value: 'FILE', description: 'CSV with columns image,sku (image paths relative to the CSV)', required: true } },
  async run({ core, options, io, json }) {
    const file = String(options.in);
    const rows = parse(await readFile(file, 'utf8'), { columns: (header: string[]) => header.map((column) => column.trim().toLowerCase()), bom: true, skip_empty_lines: true }) as { image?: string; sku?: string }[];
    const photos = [];
    for (const [index, row] of rows.entries()) {
      if (!row.image) throw new UsageError(`${file}: row ${index + 1}, field "image": is required and empty`);
      if (!row.sku) throw new UsageError(`${file}: row ${index + 1}, field "sku": is required and empty`);
      const path = resolve(dirname(file), row.image);
      const bytes = await readFile(path).catch(() => {
        throw new UsageError(`${file}: row ${index + 1}, field "image": ${row.image}: file not found`);
      });
      photos.push({ bytes: new Uint8Array(bytes), sku: row.sku, fileName: basename(path) });
    }
    const result = await learnPhotos(core.context, photos);
    if (json) io.out(`${JSON.stringify(result)}\n`);
    else io.out(`learned ${result.learned} photos; the adapter now covers ${result.products} products\n`);
  },
};
