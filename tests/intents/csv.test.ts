import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextCsv, readTrainingCsv } from '../../src/core/intents/csv.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();

describe('CSV input of the intent and knowledge-base commands', () => {
  it('refuses invalid UTF-8 and binary files by line instead of reading replacement characters', () => {
    const dir = tempDir();
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('id,text\n1,where is my order\n2,caf\xe9 au lait\n', 'latin1'));
    expect(() => readTextCsv(latin1)).toThrow(`${latin1}: is not valid UTF-8 (line 3)`);
    const nul = join(dir, 'nul.csv');
    writeFileSync(nul, Buffer.from('text,intent\nhello\0,greet\n'));
    expect(() => readTrainingCsv(nul)).toThrow(`${nul}: is a binary file, not text (NUL byte on line 2)`);
    expect(() => readTextCsv(join(dir, 'missing.csv'))).toThrow('cannot be read (does it exist?)');
    const fine = join(dir, 'fine.csv');
    writeFileSync(fine, '\uFEFFid,text\r\n7,我的订单在哪里 😀\r\n');
    expect(readTextCsv(fine)).toEqual([{ id: '7', text: '我的订单在哪里 😀' }]);
  });
});
