import { useSettings } from '../app/settings.tsx';
import { useLanguage, useT } from '../i18n/i18n.tsx';
import { formatMoney } from './format.ts';

/** Formats a catalog price in the store's currency (Settings), or says there is none: catalog rows carry no currency of their own. */
export function usePriceFormat(): (price: number | null) => string {
  const t = useT();
  const language = useLanguage();
  const { settings } = useSettings();
  return (price) => (price === null ? t('products.noPrice') : formatMoney(price, language, settings.currency));
}
