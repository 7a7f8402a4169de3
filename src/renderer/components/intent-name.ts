/** An intent as agents read it: the built-in model's intents by name, in the UI's language; a custom model's made readable. */
import { en } from '../i18n/en.ts';
import { isMessageKey, type Translate } from '../i18n/i18n.tsx';

export function describeIntent(t: Translate, intent: string): string {
  const key = `intent.${intent}`;
  return isMessageKey(key) ? t(key) : intent.replace(/_/g, ' ');
}

/** The built-in model's intents (those the UI has names for), for choosing one. */
export const knownIntents: readonly string[] = Object.keys(en)
  .filter((key) => key.startsWith('intent.'))
  .map((key) => key.slice('intent.'.length));
