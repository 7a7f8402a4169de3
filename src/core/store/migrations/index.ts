/** Every migration, in order. Add a file per change and list it here; never edit an applied one. */
import { catalog } from './0001-catalog.ts';
import { customersAndOrders } from './0002-customers-orders.ts';
import { reviews } from './0003-reviews.ts';
import { knowledgeBase } from './0004-knowledge-base.ts';
import { conversations } from './0005-conversations.ts';
import { interactions } from './0006-interactions.ts';
import { feedbackAuditSettings } from './0007-feedback-audit-settings.ts';
import { imageVectors } from './0008-image-vectors.ts';
import { reviewReplies } from './0009-review-replies.ts';
import { assistant } from './0010-assistant.ts';
import { productStock } from './0011-product-stock.ts';
import { escalationCleared } from './0012-escalation-cleared.ts';
import { trackingNumberIndex } from './0013-tracking-number-index.ts';
import { kbNumericIds } from './0014-kb-numeric-ids.ts';
import type { Migration } from './migration.ts';

export const migrations: readonly Migration[] = [catalog, customersAndOrders, reviews, knowledgeBase, conversations, interactions, feedbackAuditSettings, imageVectors, reviewReplies, assistant, productStock, escalationCleared, trackingNumberIndex, kbNumericIds];
