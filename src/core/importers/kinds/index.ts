import type { ImportKind } from '../../../shared/types.ts';
import type { ImportKindSpec } from '../kind.ts';
import { conversations } from './conversations.ts';
import { customers } from './customers.ts';
import { interactions } from './interactions.ts';
import { kb } from './kb.ts';
import { orders } from './orders.ts';
import { products } from './products.ts';
import { reviews } from './reviews.ts';

export const importKindSpecs: Record<ImportKind, ImportKindSpec<unknown>> = {
  products,
  customers,
  orders,
  reviews,
  kb,
  interactions,
  conversations,
};
