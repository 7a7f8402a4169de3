/** Retrain from the store, compare the candidate with the active model on held-out reviews, then switch (or go back). */
import { useState } from 'react';
import type { ReviewModelEvaluation, ReviewRetrainResult } from '../../../shared/types.ts';
import { useApi, useApiData } from '../../app/api.tsx';
import { useToast } from '../../app/toasts.tsx';
import { formatPercent } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

const builtIn = 'built-in';

export function ReviewModelPanel() {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const status = useApiData((client) => client.call('reviews.modelStatus', {}), 'status', ['reviews']);
  const [result, setResult] = useState<ReviewRetrainResult | null>(null);
  const [busy, setBusy] = useState<'training' | 'switching' | null>(null);
  const modelName = (model: string) => (model === builtIn ? t('reviews.model.builtIn') : model);

  const retrain = async () => {
    setBusy('training');
    try {
      setResult(await api.call('reviews.retrain', {}));
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(null);
    }
  };

  const switchTo = async (model: string) => {
    setBusy('switching');
    try {
      const switched = await api.call('reviews.useModel', { model });
      toast.success((translate) => translate('reviews.model.switched', { model: modelName(switched.active), n: switched.rescored }));
      setResult(null);
      status.reload();
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(null);
    }
  };

  const active = status.data?.active;
  // Too few labelled reviews: say what is missing instead of offering a button that can only fail.
  const tooFew = status.data !== undefined && status.data.corrections + status.data.ratedReviews < status.data.minimumRows;
  return (
    <div className="review-model pad" data-testid="review-model">
      <section className="card">
        <h2>
          {t('reviews.model.active')}:{' '}
          <span data-testid="active-model">{active ? <ModelName model={active} /> : t('common.loading')}</span>
        </h2>
        {status.data && <p>{t('reviews.model.data', { corrections: status.data.corrections, rated: status.data.ratedReviews })}</p>}
        <p className="muted">{t('reviews.model.explain')}</p>
        {tooFew && (
          <p className="callout" data-testid="model-too-few">
            {t('reviews.model.tooFew', { n: status.data?.minimumRows ?? 0 })}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button primary" disabled={busy !== null || tooFew} data-testid="model-retrain" onClick={() => void retrain()}>
            <Icon name="sparkle" size={16} />
            {busy === 'training' ? t('reviews.model.training') : t('reviews.model.retrain')}
          </button>
          {active && active !== builtIn && (
            <button type="button" className="button" disabled={busy !== null} data-testid="model-built-in" onClick={() => void switchTo(builtIn)}>
              {t('reviews.model.useBuiltIn')}
            </button>
          )}
        </div>
      </section>
      {result && (
        <section className="card" data-testid="model-comparison">
          <div className="model-comparison">
            <Evaluation title={t('reviews.model.current')} model={result.current.model} evaluation={result.current} testId="evaluation-current" />
            <Evaluation title={t('reviews.model.candidate')} model={result.candidate} evaluation={result.candidateEvaluation} testId="evaluation-candidate" />
          </div>
          <p className="muted">{t('reviews.model.trainingRows', { n: result.trainingRows })}</p>
          <Verdict current={result.current.accuracy} candidate={result.candidateEvaluation.accuracy} />
          <button
            type="button"
            className={`button ${result.candidateEvaluation.accuracy > result.current.accuracy ? 'primary' : ''}`}
            disabled={busy !== null}
            data-testid="model-switch"
            onClick={() => void switchTo(result.candidate)}
          >
            {t('reviews.model.switch')}
          </button>
        </section>
      )}
    </div>
  );
}

/** Says which model scored better on the same held-out reviews, so a worse candidate is not switched to by habit. */
function Verdict({ current, candidate }: { current: number; candidate: number }) {
  const t = useT();
  if (candidate > current) return <p className="callout success" data-testid="model-verdict">{t('reviews.model.better')}</p>;
  if (candidate < current) return <p className="callout warning" data-testid="model-verdict">{t('reviews.model.worse')}</p>;
  return <p className="callout" data-testid="model-verdict">{t('reviews.model.same')}</p>;
}

/** A model's name as the panel shows it: "Built-in" in words, a retrained model's folder name as code. */
function ModelName({ model }: { model: string }) {
  const t = useT();
  return model === builtIn ? <>{t('reviews.model.builtIn')}</> : <span className="mono">{model}</span>;
}

function Evaluation({ title, model, evaluation, testId }: { title: string; model: string; evaluation: ReviewModelEvaluation; testId: string }) {
  const t = useT();
  const language = useLanguage();
  return (
    <dl className="model-evaluation" data-testid={testId}>
      <dt>{title}</dt>
      <dd>
        <ModelName model={model} />
      </dd>
      <dt>{t('reviews.model.accuracy')}</dt>
      <dd className="model-accuracy">{formatPercent(evaluation.accuracy, language, 1)}</dd>
      <dt>{t('reviews.model.rows')}</dt>
      <dd>{evaluation.rows}</dd>
    </dl>
  );
}
