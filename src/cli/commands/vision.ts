import { readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { identifyPhotos, learnPhotos } from '../../core/services/vision.ts';
import { UsageError, type Command } from '../command.ts';

const imageExtensions = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.avif', '.tif', '.tiff', '.heic']);

/** A folder's images (sorted), or a list file with one path per line (relative to the list). */
async function listedPaths(input: string): Promise<string[]> {
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
      .map((name) => join(input, name));
  }
  const lines = (await readFile(input, 'utf8')).split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
  return lines.map((line) => resolve(dirname(input), line));
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
    const paths = await listedPaths(String(options.in));
    const lines: string[] = [];
    let failures = 0;
    for (let start = 0; start < paths.length; start += chunkSize) {
      const chunk = paths.slice(start, start + chunkSize);
      const photos = await Promise.all(chunk.map((path) => readFile(path).then((bytes) => new Uint8Array(bytes), () => new Uint8Array(0))));
      const results = await identifyPhotos(core.context, photos, k);
      results.forEach((result, index) => {
        const image = chunk[index] as string;
        if (result.error !== undefined) {
          failures += 1;
          io.err(`warning: ${image}: ${result.error}\n`);
          lines.push(JSON.stringify({ image, matches: [], confident: false, error: result.error }));
        } else {
          lines.push(JSON.stringify({ image, matches: result.matches.map((match) => ({ sku: match.key, score: Number(match.score.toFixed(6)) })), confident: result.confident }));
        }
      });
    }
    await writeFile(String(options.out), lines.length ? `${lines.join('\n')}\n` : '');
    io.err(`identified ${paths.length - failures} of ${paths.length} photos\n`);
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
