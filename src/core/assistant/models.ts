/**
 * The assistant's models, loaded once per core and kept: the intent classifier (its ONNX
 * session is also cached by the inference engine), the text embedder (GloVe takes a while to
 * read) and the knowledge-base retriever, rebuilt only after the knowledge base changes.
 */
import type { CoreContext } from '../context.ts';
import { builtInIntentModelDir, loadIntentClassifier, type IntentClassifier, type IntentPrediction } from '../intents/classifier.ts';
import { outOfScopeLabel } from '../intents/model-files.ts';
import { createDefaultTextEmbedder } from '../retrieval/default-embedder.ts';
import { createRetriever, type RetrievalArticle, type Retriever } from '../retrieval/retriever.ts';

/** The models read this much of a message or query; the rest of a huge paste adds nothing but time. */
export const analysedLength = 4000;

interface Cached {
  classifier?: Promise<IntentClassifier>;
  embedding?: ReturnType<typeof createDefaultTextEmbedder>;
  /** Null when the knowledge base is empty. */
  retriever?: Promise<KbIndex | null>;
}

export interface KbIndex {
  retriever: Retriever;
  articles: Map<string, RetrievalArticle>;
}

const caches = new WeakMap<CoreContext, Cached>();

function cacheOf(context: CoreContext): Cached {
  let cache = caches.get(context);
  if (!cache) {
    const created: Cached = {};
    cache = created;
    caches.set(context, created);
    // Imports and edits announce themselves; the next message rebuilds the index.
    context.events.subscribe((event, payload) => {
      if (event === 'changed' && 'domain' in payload && payload.domain === 'kb') delete created.retriever;
    });
  }
  return cache;
}

export function intentClassifier(context: CoreContext): Promise<IntentClassifier> {
  const cache = cacheOf(context);
  if (!cache.classifier) {
    const loading = loadIntentClassifier({ engine: context.engine, modelDir: builtInIntentModelDir });
    loading.catch(() => delete cache.classifier);
    cache.classifier = loading;
  }
  return cache.classifier;
}

/** The intent a retriever's intent side uses: none for out of scope. */
export function retrievalIntent(prediction: IntentPrediction | undefined): string | undefined {
  return prediction && prediction.intent !== outOfScopeLabel ? prediction.intent : undefined;
}

/**
 * The hybrid retriever over these articles, with each title's intent for the intent side
 * (a title is the question an article answers). Shared by the assistant and `shopdesk kb search`.
 */
export async function createKbRetriever(
  articles: readonly RetrievalArticle[],
  embedding: ReturnType<typeof createDefaultTextEmbedder>,
  classifier: IntentClassifier,
): Promise<Retriever> {
  const { embedder, wordVectors } = embedding;
  const articleIntents = (await classifier.classify(articles.map((article) => article.title))).map(retrievalIntent);
  return createRetriever({ articles, embedder, articleIntents, ...(wordVectors ? { wordVectors } : {}) });
}

/** The hybrid retriever over the store's articles, with the articles by id; null for an empty knowledge base. */
export function kbRetriever(context: CoreContext): Promise<KbIndex | null> {
  const cache = cacheOf(context);
  if (cache.retriever === undefined) {
    const articles = context.db.prepare('SELECT external_id AS id, title, body FROM kb_articles ORDER BY id').all() as RetrievalArticle[];
    if (articles.length === 0) {
      cache.retriever = Promise.resolve(null);
    } else {
      const embedding = (cache.embedding ??= createDefaultTextEmbedder(context.modelsPath));
      const building = intentClassifier(context)
        .then((classifier) => createKbRetriever(articles, embedding, classifier))
        .then((retriever) => ({ retriever, articles: new Map(articles.map((article) => [article.id, article])) }));
      building.catch(() => {
        if (cache.retriever === building) delete cache.retriever;
      });
      cache.retriever = building;
    }
  }
  return cache.retriever;
}
