/** An intent as agents read it: the built-in model's intents by name, in the UI's language; a custom model's made readable. */
import { isMessageKey, type Translate } from '../i18n/i18n.tsx';

export function describeIntent(t: Translate, intent: string): string {
  const key = `intent.${intent}`;
  return isMessageKey(key) ? t(key) : intent.replace(/_/g, ' ');
}
