/** Display formatting for dates, prices, counts and percentages, in the UI language. */
import type { UiLanguage } from '../../shared/types.ts';
import type { Translate } from '../i18n/i18n.tsx';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export function relativeTime(iso: string, t: Translate, language: UiLanguage, now: number = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const elapsed = now - time;
  if (elapsed < minute) return t('time.now');
  if (elapsed < hour) return t('time.minutes', { n: Math.floor(elapsed / minute) });
  if (elapsed < day) return t('time.hours', { n: Math.floor(elapsed / hour) });
  if (elapsed < 30 * day) return t('time.days', { n: Math.floor(elapsed / day) });
  return formatDate(iso, language);
}

export function formatDate(iso: string | null, language: UiLanguage): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time).toLocaleDateString(language, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(iso: string, language: UiLanguage): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Date(time).toLocaleString(language, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A summary chart's period: a month ("2026-08") as the language writes a short month and year ("Aug 2026", "2026年8月"); a week ("2026-W34") as it is. */
export function formatPeriod(period: string, language: UiLanguage): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) return period;
  // UTC on both sides: the first of the month stays in its month whatever the machine's time zone.
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
}

export function formatMoney(amount: number, language: UiLanguage, currency?: string): string {
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
  }
  return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

export function formatCount(value: number, language: UiLanguage): string {
  return new Intl.NumberFormat(language).format(value);
}

/** A share (0.889) as the language writes a percentage, with exactly `fractionDigits` decimals: one helper, so every percentage in the app looks alike. */
export function formatPercent(share: number, language: UiLanguage, fractionDigits = 0): string {
  return new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(share);
}

export function initials(name: string | null): string {
  if (!name) return '?';
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => Array.from(part ?? '')[0] ?? '').join('').toUpperCase() || '?';
}

/** A span of time in the largest whole unit: "12 min", "3 h", "2 d". */
export function formatDuration(milliseconds: number, t: Translate): string {
  const elapsed = Math.max(0, milliseconds);
  if (elapsed < hour) return t('time.duration.minutes', { n: Math.floor(elapsed / minute) });
  if (elapsed < day) return t('time.duration.hours', { n: Math.floor(elapsed / hour) });
  return t('time.duration.days', { n: Math.floor(elapsed / day) });
}
