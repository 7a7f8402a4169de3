import type { ApiArgs } from '../../shared/api.ts';
import { reason } from '../../shared/error-reasons.ts';
import type { Settings } from '../../shared/types.ts';
import { audit, type CoreContext } from '../context.ts';
import { InvalidArgumentError } from '../errors.ts';

// Auto-reply is off until an agent turns it on; 30 days is the return window the demo KB states; orders import as USD when their file names no currency.
const defaults: Settings = { theme: 'system', language: 'en', agentName: 'Agent', onboarded: false, autoReply: false, autoReplyThreshold: 0.9, returnWindowDays: 30, currency: 'USD' };
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));
const allowed: { [K in keyof Settings]: (value: unknown) => boolean } = {
  theme: (value) => value === 'system' || value === 'light' || value === 'dark',
  language: (value) => value === 'en' || value === 'zh-CN',
  agentName: (value) => typeof value === 'string' && value.trim().length > 0 && value.length <= 80,
  onboarded: (value) => typeof value === 'boolean',
  autoReply: (value) => typeof value === 'boolean',
  // Above 0.5: an automatic reply must at least be more likely right than wrong.
  autoReplyThreshold: (value) => typeof value === 'number' && value >= 0.5 && value <= 1,
  returnWindowDays: (value) => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 365,
  currency: (value) => typeof value === 'string' && knownCurrencies.has(value),
};

// A store filled before the app first opened (from the command line, or by an older version) skips the welcome: offering a demo store there would only mix sample data into real data.
const filledBy = ['products', 'customers', 'orders', 'reviews', 'conversations', 'kb_articles'];

function storeHasData(context: CoreContext): boolean {
  return filledBy.some((table) => context.db.prepare(`SELECT EXISTS (SELECT 1 FROM "${table}")`).pluck().get() === 1);
}

export function getSettings(context: CoreContext): Settings {
  const stored = context.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const settings: Record<string, unknown> = { ...defaults };
  for (const { key, value } of stored) if (key in defaults) settings[key] = JSON.parse(value);
  // Asked only until the choice is stored: the assistant reads the settings for every message.
  if (!stored.some(({ key }) => key === 'onboarded')) settings.onboarded = storeHasData(context);
  return settings as unknown as Settings;
}

export function updateSettings(context: CoreContext, changes: ApiArgs<'system.updateSettings'>): Settings {
  const write = context.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(changes)) {
    const check = allowed[key as keyof Settings];
    if (value === undefined) continue;
    if (!check(value)) throw new InvalidArgumentError(reason('settings.not_allowed', { key, value: JSON.stringify(value) }));
  }
  context.db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) write.run(key, JSON.stringify(value));
    audit(context, 'agent', 'system.updateSettings', '', changes);
  })();
  context.events.emit('changed', { domain: 'system' });
  return getSettings(context);
}
