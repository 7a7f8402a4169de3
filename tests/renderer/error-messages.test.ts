import { describe, expect, it } from 'vitest';
import { describeError, describeErrorReason } from '../../src/renderer/components/describe-error.ts';
import { translator } from '../../src/renderer/i18n/i18n.tsx';
import { ApiCallError } from '../../src/shared/api.ts';
import { englishReason, errorReasons, reason, type ErrorReasonKey } from '../../src/shared/error-reasons.ts';

const english = translator('en');
const chinese = translator('zh-CN');

/** The value names a template fills: plain `{name}`s, and those only choosing an English plural form. */
function placeholders(template: string): { plain: Set<string>; plural: Set<string> } {
  const plural = new Set([...template.matchAll(/\{(\w+)\|[^}]*\}/g)].map((match) => match[1] as string));
  const plain = new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string));
  return { plain, plural };
}

describe('error messages in the UI language', () => {
  const keys = Object.keys(errorReasons) as ErrorReasonKey[];

  it('has English and Chinese for every reason the core and the clients report, with the same values', () => {
    expect(keys.length).toBeGreaterThan(80);
    for (const key of keys) {
      const template = errorReasons[key];
      // The English UI says exactly what the core's message says.
      expect(english(`error.${key}`), key).toBe(template);
      const translated = chinese(`error.${key}`);
      expect(translated, key).toMatch(/\p{Script=Han}/u);
      const { plain, plural } = placeholders(template);
      const used = placeholders(translated);
      expect(used.plural.size, `${key} keeps an English plural form`).toBe(0);
      // Every value stays in the sentence; a value only choosing an English plural may go.
      for (const name of plain) expect(used.plain.has(name), `${key} drops {${name}}`).toBe(true);
      for (const name of used.plain) expect(plain.has(name) || plural.has(name), `${key} invents {${name}}`).toBe(true);
    }
  });

  it('names the file, row and field of a bad import row in Chinese, and exactly as the core does in English', () => {
    const failure = new ApiCallError('import_failed', 'orders.csv: row 12, field "email": "bo-at-example" is not an email address', {
      reason: reason('import.not_an_email', { value: 'bo-at-example' }),
      where: { file: 'orders.csv', row: 12, field: 'email' },
    });
    expect(describeError(chinese, failure)).toBe('文件 orders.csv 第 12 行，字段 email：“bo-at-example”不是有效的电子邮箱地址');
    expect(describeError(english, failure)).toBe(failure.message);
    const wholeFile = new ApiCallError('import_failed', 'p.csv: has no records', { reason: reason('import.no_records'), where: { file: 'p.csv' } });
    expect(describeError(chinese, wholeFile)).toBe('文件 p.csv：没有任何记录');
    expect(describeError(english, wholeFile)).toBe(wholeFile.message);
    const missingColumn = new ApiCallError('import_failed', 'x', { reason: reason('import.missing_column', { columns: 'sku, title' }), where: { file: 'p.csv', field: 'title' } });
    expect(describeError(chinese, missingColumn)).toBe('文件 p.csv，字段 title：缺少这一列（表头必须包含 sku, title）');
  });

  it('says errors without a place, and the client-side connection errors, in Chinese', () => {
    expect(describeError(chinese, ApiCallError.because('not_found', reason('not_found.product', { id: 'A1' })))).toBe('找不到商品 A1');
    const lost = ApiCallError.because('unavailable', reason('connection.lost'));
    expect(lost.message).toBe('The connection to ShopDesk was lost; try again.');
    expect(describeError(chinese, lost)).toBe('与 ShopDesk 的连接已断开，请重试。');
    expect(describeError(chinese, ApiCallError.because('invalid_argument', reason('reviews.too_few_labels', { minimum: 40, rows: 3 })))).toBe(
      '重新训练至少需要 40 条有标签的评价，且正面和负面都要有（人工修正，或 1-2 星和 4-5 星的评价）；本店目前有 3 条',
    );
    expect(describeError(chinese, ApiCallError.because('invalid_argument', reason('settings.not_allowed', { key: 'returnWindowDays', value: '999' })))).toBe('设置 returnWindowDays 不允许取值 999');
    expect(describeError(chinese, ApiCallError.because('invalid_argument', reason('reviews.filter_not_a_date', { field: 'from', value: '30/09/2026' })))).toBe('“from”须为 2026-09-30 这样的日期，而不是“30/09/2026”');
  });

  it("falls back to the core's English for a reason this UI does not know, and for errors outside the contract", () => {
    const newer = ApiCallError.from({ code: 'invalid_argument', message: 'something newer went wrong', reason: { key: 'import.from_the_future' as ErrorReasonKey } });
    expect(describeError(chinese, newer)).toBe('something newer went wrong');
    expect(describeError(chinese, new ApiCallError('internal', 'plain failure'))).toBe('plain failure');
    expect(describeError(chinese, new TypeError('x is undefined'))).toBe('x is undefined');
    expect(describeError(chinese, 'a string')).toBe('a string');
    expect(describeErrorReason(chinese, undefined, 'English only')).toBe('English only');
  });

  it('fills English plurals in the English message of a reason', () => {
    const one = englishReason(reason('vision.models_missing_no_path', { files: 'a/b.onnx', count: 1 }));
    const two = englishReason(reason('vision.models_missing', { files: 'a and b', count: 2, folders: '/m' }));
    expect(one).toBe('Photo identification needs a/b.onnx: put that folder inside a folder listed in SHOPDESK_MODELS_PATH (SHOPDESK_MODELS_PATH is not set).');
    expect(two).toBe('Photo identification needs a and b: put those folders inside a folder listed in SHOPDESK_MODELS_PATH (searched /m).');
  });
});
