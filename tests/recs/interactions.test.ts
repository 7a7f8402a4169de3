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
    expect(() => readInteractionsCsv(csvFile('user,item,timestamp\nu1,a,yesterday\n'))).toThrow(/row 1, field "timestamp": "yesterday" is not a number/);
  });

  it('says clearly when the file is empty or has no interactions', () => {
    expect(() => readInteractionsCsv(csvFile(''))).toThrow(/the file is empty/);
    expect(() => readInteractionsCsv(csvFile('user,item\n'))).toThrow(/no interactions/);
    expect(() => readInteractionsCsv(csvFile('customer,product\nu1,a\n'))).toThrow(/field "user": the header needs "user" and "item"/);
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
