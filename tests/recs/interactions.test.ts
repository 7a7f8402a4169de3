import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexInteractions, leaveLastOut, readInteractionsCsv } from '../../src/core/recs/interactions.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();

function csvFile(text: string): string {
  const path = join(tempDir(), 'interactions.csv');
  writeFileSync(path, text);
  return path;
}

describe('interactions CSV', () => {
  it('reads rows, optional columns and keeps the latest of duplicate pairs', () => {
    const path = csvFile('user,item,rating,timestamp\nu1,a,5,10\nu1,b,,20\nu2,a,3,5\nu1,a,2,30\n');
    const rows = readInteractionsCsv(path);
    expect(rows).toHaveLength(3);
    expect(rows.find((row) => row.user === 'u1' && row.item === 'a')).toEqual({ user: 'u1', item: 'a', rating: 2, timestamp: 30 });
    expect(rows.find((row) => row.item === 'b')).toEqual({ user: 'u1', item: 'b', timestamp: 20 });
  });

  it('names the file, row and field of a bad rating', () => {
    const path = csvFile('user,item,rating\nu1,a,4\nu2,b,7\n');
    expect(() => readInteractionsCsv(path)).toThrow(/interactions\.csv: row 2, field "rating": 7 is outside 1–5/);
  });

  it('names the row of an empty user or item', () => {
    expect(() => readInteractionsCsv(csvFile('user,item\nu1,a\n,b\n'))).toThrow(/row 2, field "user": is required and empty/);
    expect(() => readInteractionsCsv(csvFile('user,item\nu1,\n'))).toThrow(/row 1, field "item": is required and empty/);
    expect(() => readInteractionsCsv(csvFile('user,item,timestamp\nu1,a,yesterday\n'))).toThrow(/row 1, field "timestamp": "yesterday" is neither unix seconds nor an ISO date/);
  });

  it('reads ISO dates as unix seconds, as the interactions import does', () => {
    const rows = readInteractionsCsv(csvFile('user,item,timestamp\nu1,a,2024-01-01T10:00:00Z\nu2,a,1700000000\n'));
    expect(rows.map((row) => row.timestamp)).toEqual([1704103200, 1700000000]);
    expect(() => readInteractionsCsv(csvFile('user,item,timestamp\nu1,a,2023-02-29\n'))).toThrow(/row 1, field "timestamp": "2023-02-29" is not a valid date/);
  });

  it('refuses a missing, binary or mis-encoded file by name and line, without a stack trace', () => {
    const dir = tempDir();
    expect(() => readInteractionsCsv(join(dir, 'missing.csv'))).toThrow(`${join(dir, 'missing.csv')}: cannot be read (does it exist?)`);
    expect(() => readInteractionsCsv(dir)).toThrow(`${dir}: is not a file`);
    const binary = join(dir, 'photo.csv');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(() => readInteractionsCsv(binary)).toThrow(`${binary}: is a binary file, not text (NUL byte on line 3)`);
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('user,item\nu1,a\nu2,caf\xe9\n', 'latin1'));
    expect(() => readInteractionsCsv(latin1)).toThrow(`${latin1}: is not valid UTF-8 (line 3)`);
  });

  it('says clearly when the file is empty or has no interactions', () => {
    expect(() => readInteractionsCsv(csvFile(''))).toThrow(/the file is empty/);
    expect(() => readInteractionsCsv(csvFile('user,item\n'))).toThrow(/no interactions/);
    expect(() => readInteractionsCsv(csvFile('customer,product\nu1,a\n'))).toThrow(/field "user": the header needs "user" and "item"/);
  });

  it('reads user_id and item_id headers as public sets write them', () => {
    expect(readInteractionsCsv(csvFile('user_id,item_id,timestamp\nu1,a,1\nu1,b,2\n')).map((row) => [row.user, row.item])).toEqual([
      ['u1', 'a'],
      ['u1', 'b'],
    ]);
  });
});

describe('indexing and splitting', () => {
  it('orders each history by time and holds out each user\'s last interaction', () => {
    const interactions = [
      { user: 'u1', item: 'c', timestamp: 30 },
      { user: 'u1', item: 'a', timestamp: 10 },
      { user: 'u1', item: 'b', timestamp: 20 },
      { user: 'u2', item: 'a', timestamp: 5 },
    ];
    const data = indexInteractions(interactions, ['new-item']);
    const u1 = data.userIndex.get('u1') as number;
    expect([...(data.sequences[u1] as Int32Array)].map((item) => data.items[item])).toEqual(['a', 'b', 'c']);
    expect(data.items).toContain('new-item');
    expect(data.itemCounts[data.itemIndex.get('new-item') as number]).toBe(0);
    const { train, heldOut } = leaveLastOut(interactions);
    // u2 has a single interaction: nothing to learn from if it were held out.
    expect(heldOut).toEqual([{ user: 'u1', item: 'c', timestamp: 30 }]);
    expect(train).toHaveLength(3);
  });
});
