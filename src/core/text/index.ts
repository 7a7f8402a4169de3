/** Shared text tooling: normalisation, language detection, tokenisation, word and sentence segmentation, hashed features. */
export { normalizeText, truncateText, defaultNormalizeOptions, type NormalizeOptions } from './normalize.ts';
export { detectLanguage, countScripts, type TextLanguage, type ScriptCounts } from './language.ts';
export { tokenize, scanTokens, scanSpans, createTokenSpans, tokenText, type Token, type TokenKind, type TokenSpans, type TokenizeOptions } from './tokenize.ts';
export { createFeaturizer, featurize, defaultFeatureOptions, featureVersion, type FeatureOptions, type Featurizer, type TextSegment, type SegmentFeatures } from './features.ts';
export { hashString, combineHashes } from './hash.ts';
export { segmentWords, splitSentences } from './segment.ts';
