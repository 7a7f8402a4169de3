/** A recommendation's reason as one line in the UI's language. */
import type { RecommendationReason } from '../../shared/types.ts';
import type { Translate } from '../i18n/i18n.tsx';

export function describeReason(t: Translate, reason: RecommendationReason): string {
  switch (reason.kind) {
    case 'bought_with':
      return reason.item === null ? t('recs.reason.bought_with_this', { n: reason.customers }) : t('recs.reason.bought_with', { item: reason.item, n: reason.customers });
    case 'bought_after':
    case 'also_bought':
    case 'similar_to':
      return t(`recs.reason.${reason.kind}`, { item: reason.item });
    case 'same_customers':
      return t('recs.reason.same_customers', { n: reason.customers });
    case 'similar_description':
    case 'looks_similar':
    case 'similar_to_history':
    case 'similar_customers':
      return t(`recs.reason.${reason.kind}`);
    case 'popular': {
      if (reason.category === null) return reason.customers === null ? t('recs.reason.popular') : t('recs.reason.popular_count', { n: reason.customers });
      const values = { category: reason.category, n: reason.customers ?? 0 };
      return reason.customers === null ? t('recs.reason.popular_in', values) : t('recs.reason.popular_in_count', values);
    }
  }
}
