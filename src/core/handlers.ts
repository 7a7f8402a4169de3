/** The core's implementation of every call in the contract, one line each. */
import type { ApiArgs, ApiMethod, ApiResult } from '../shared/api.ts';
import type { CoreContext } from './context.ts';
import { getImage, getProduct, listCategories, listProducts } from './services/catalog.ts';
import { sendAndAssist, suggestReplies } from './services/assistant.ts';
import { exportConversations } from './services/chat-transcripts.ts';
import { assignConversation, clearEscalation, escalateConversation, getConversation, listConversations, setConversationStatus } from './services/chat.ts';
import { getCustomer, getOrder, listCustomers, listOrders } from './services/customers.ts';
import { exportKind, importText } from './services/data-files.ts';
import { createDemoStore } from './services/demo.ts';
import { articleAnswer, listArticles, searchArticles } from './services/kb.ts';
import { createMacro, deleteMacro, listMacros, renderMacro, updateMacro } from './services/macros.ts';
import { boughtTogether, forCustomer, popular, retrain, similar } from './services/recs.ts';
import { exportReviewScores } from './services/review-export.ts';
import { setReviewLabel, withdrawReviewLabel } from './services/review-labels.ts';
import { retrainReviewModel, reviewModelStatus, useReviewModel } from './services/review-models.ts';
import { listReviewReplies, replyToReview } from './services/review-replies.ts';
import { summarizeProductReviews } from './services/review-summary.ts';
import { assignReviews, listReviews, setReviewStatus } from './services/reviews.ts';
import { getSettings, updateSettings } from './services/settings.ts';
import { auditLog, listModels, systemInfo } from './services/system.ts';
import { identifyPhoto, learnPhoto, visionStatus } from './services/vision.ts';

export type Handlers = {
  [M in ApiMethod]: (context: CoreContext, args: ApiArgs<M>) => ApiResult<M> | Promise<ApiResult<M>>;
};

export const handlers: Handlers = {
  'system.info': (context) => systemInfo(context),
  'system.getSettings': (context) => getSettings(context),
  'system.updateSettings': (context, args) => updateSettings(context, args),
  'system.import': (context, args) => importText(context, args.kind, args.fileName, args.content),
  'system.export': (context, args) => exportKind(context, args.kind),
  'system.createDemo': async (context) => ({ tables: await createDemoStore(context) }),
  'system.audit': (context, args) => auditLog(context, args.limit),

  'catalog.list': listProducts,
  'catalog.categories': (context) => listCategories(context),
  'catalog.get': getProduct,
  'catalog.image': getImage,

  'customers.list': listCustomers,
  'customers.get': getCustomer,

  'orders.list': listOrders,
  'orders.get': getOrder,

  'reviews.list': listReviews,
  'reviews.setStatus': setReviewStatus,
  'reviews.assign': assignReviews,
  'reviews.reply': replyToReview,
  'reviews.replies': listReviewReplies,
  'reviews.setLabel': setReviewLabel,
  'reviews.withdrawLabel': withdrawReviewLabel,
  'reviews.summary': summarizeProductReviews,
  'reviews.export': exportReviewScores,
  'reviews.modelStatus': (context) => reviewModelStatus(context),
  'reviews.retrain': (context) => retrainReviewModel(context),
  'reviews.useModel': useReviewModel,

  'chat.list': listConversations,
  'chat.get': getConversation,
  'chat.send': sendAndAssist,
  'chat.setStatus': setConversationStatus,
  'chat.clearEscalation': clearEscalation,
  'chat.escalate': escalateConversation,
  'chat.assign': assignConversation,
  'chat.suggest': suggestReplies,
  'chat.export': exportConversations,

  'macros.list': listMacros,
  'macros.create': createMacro,
  'macros.update': updateMacro,
  'macros.delete': deleteMacro,
  'macros.render': (context, args) => renderMacro(context, args),

  'kb.list': listArticles,
  'kb.search': searchArticles,
  'kb.answer': articleAnswer,

  'vision.status': (context) => visionStatus(context),
  'vision.identify': identifyPhoto,
  'vision.learn': learnPhoto,

  'recs.boughtTogether': boughtTogether,
  'recs.popular': popular,
  'recs.similar': similar,
  'recs.forCustomer': forCustomer,
  'recs.retrain': (context) => retrain(context),

  'models.list': (context) => listModels(context),
};
