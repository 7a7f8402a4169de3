/** The box under a review that r (reply) and a (assign) open: type, Enter or Ctrl+Enter saves, Escape closes. */
import { useState, type KeyboardEvent } from 'react';
import { useApi } from '../../app/api.tsx';
import { useSettings } from '../../app/settings.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useT } from '../../i18n/i18n.tsx';

export type ComposerKind = 'reply' | 'assign';

interface ReviewComposerProps {
  kind: ComposerKind;
  reviewId: string;
  onAssign: (assignee: string) => void;
  onClose: () => void;
}

export function ReviewComposer({ kind, reviewId, onAssign, onClose }: ReviewComposerProps) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const { settings } = useSettings();
  // Assigning starts from the agent's own name, so "a, Enter" takes the review.
  const [text, setText] = useState(kind === 'assign' ? settings.agentName : '');
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const value = text.trim();
    if (value === '' || busy) return;
    if (kind === 'assign') {
      onAssign(value);
      onClose();
      return;
    }
    setBusy(true);
    try {
      await api.call('reviews.reply', { id: reviewId, body: value });
      toast.success((translate) => translate('reviews.replySaved'));
      onClose();
    } catch (error) {
      toast.error(error);
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && (kind === 'assign' || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <form
      className="review-composer"
      data-testid={`review-${kind}-box`}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {kind === 'reply' ? (
        <textarea
          autoFocus
          rows={4}
          value={text}
          placeholder={t('reviews.replyPlaceholder')}
          aria-label={t('reviews.reply')}
          data-testid="review-reply-input"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
      ) : (
        <input
          autoFocus
          onFocus={(event) => event.target.select()}
          value={text}
          aria-label={t('reviews.assignTo')}
          placeholder={t('reviews.assignTo')}
          data-testid="review-assign-input"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
      )}
      <div className="button-row">
        <button type="submit" className="button primary small" disabled={busy || text.trim() === ''} data-testid={`review-${kind}-save`}>
          {kind === 'reply' ? t('reviews.saveReply') : t('reviews.assign')}
        </button>
        <button type="button" className="button small" onClick={onClose}>
          {t('reviews.cancel')}
        </button>
      </div>
    </form>
  );
}
