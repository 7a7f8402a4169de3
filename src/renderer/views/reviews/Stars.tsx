import { useT } from '../../i18n/i18n.tsx';

/** A 1–5 star rating drawn as text so it scales with the font. */
export function Stars({ rating }: { rating: number }) {
  const t = useT();
  const whole = Math.max(0, Math.min(5, Math.round(rating)));
  return (
    <span className="stars" aria-label={`${t('reviews.rating')} ${rating}/5`} title={`${rating}/5`}>
      {'★'.repeat(whole)}
      <span className="stars-empty">{'★'.repeat(5 - whole)}</span>
    </span>
  );
}
