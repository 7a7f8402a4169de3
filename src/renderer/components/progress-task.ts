/** A long job's label in the UI's language, from the structured task the core reports. */
import type { ProgressTask } from '../../shared/types.ts';
import type { Translate } from '../i18n/i18n.tsx';

export function describeTask(t: Translate, task: ProgressTask): string {
  switch (task.kind) {
    case 'import':
      // Mid-sentence, so lower case ("Importing knowledge base from faq.jsonl"); Chinese has no case.
      return t('progress.import', { kind: t(`kind.${task.importKind}`).toLocaleLowerCase(), file: task.fileName });
    case 'index_images':
      return t('progress.indexImages');
    case 'score_reviews':
      return t('progress.scoreReviews', { model: task.model });
    case 'retrain_reviews':
      return t('progress.retrainReviews', { n: task.reviews });
    case 'train_recommendations':
      return t('progress.trainRecommendations');
  }
}
