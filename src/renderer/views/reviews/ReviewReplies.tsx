import { useApiData } from '../../app/api.tsx';
import { formatDate } from '../../components/format.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

/** The replies agents saved for a review, oldest first; `count` reloads them when one is added. */
export function ReviewReplies({ reviewId, count }: { reviewId: string; count: number }) {
  const t = useT();
  const language = useLanguage();
  const replies = useApiData((client) => client.call('reviews.replies', { id: reviewId }), `${reviewId}:${count}`, []);
  return (
    <section className="review-replies" data-testid="review-replies">
      <h3 className="section-title">{t('reviews.replies')}</h3>
      {(replies.data ?? []).map((reply) => (
        <div key={reply.id} className="review-reply" data-testid="review-reply-item">
          <span className="muted small">
            {reply.author} · {formatDate(reply.createdAt, language)}
          </span>
          <p>{reply.body}</p>
        </div>
      ))}
    </section>
  );
}
