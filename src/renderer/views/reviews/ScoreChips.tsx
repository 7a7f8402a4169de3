import type { ReviewScore } from '../../../shared/types.ts';
import { useT } from '../../i18n/i18n.tsx';

/** Urgency is 0..1; above these bounds it is worth an agent's attention, then urgent. */
const attentionUrgency = 0.4;
const urgentUrgency = 0.7;

export function urgencyLevel(urgency: number): 'low' | 'medium' | 'high' {
  if (urgency >= urgentUrgency) return 'high';
  return urgency >= attentionUrgency ? 'medium' : 'low';
}

export function ScoreChips({ score, withAspects }: { score: ReviewScore; withAspects: boolean }) {
  const t = useT();
  return (
    <span className="chips" data-testid="score-chips">
      <span className={`chip sentiment-${score.sentiment}`}>{t(`reviews.sentiment.${score.sentiment}`)}</span>
      <span className={`chip urgency-${urgencyLevel(score.urgency)}`}>{t('reviews.urgency', { n: Math.round(score.urgency * 100) / 100 })}</span>
      {withAspects &&
        score.aspects.map((aspect) => (
          <span key={aspect.aspect} className={`chip outline sentiment-${aspect.sentiment}`}>
            {t(`reviews.aspect.${aspect.aspect}`)}
          </span>
        ))}
    </span>
  );
}
