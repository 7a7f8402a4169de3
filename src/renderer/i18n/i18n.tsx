/**
 * The translation hook: `const t = useT(); t('nav.chat')`, with `{name}` placeholders filled
 * from values, and English plurals as `{n|item|items}` (the first form when n is 1).
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { fillTemplate } from '../../shared/template.ts';
import type { UiLanguage } from '../../shared/types.ts';
import { en, type Dictionary, type MessageKey } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type { MessageKey } from './en.ts';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const dictionaries: Record<UiLanguage, Dictionary> = { en, 'zh-CN': zhCN };

/** Each language named in its own script, as language pickers conventionally show them. */
export const languageNames: Record<UiLanguage, string> = { en: 'English', 'zh-CN': '简体中文' };

/** Whether a key built at run time (`intent.${name}`) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function translator(language: UiLanguage): Translate {
  const dictionary = dictionaries[language];
  return (key, values) => (values ? fillTemplate(dictionary[key], values) : dictionary[key]);
}

const LanguageContext = createContext<UiLanguage>('en');

export function LanguageProvider({ language, children }: { language: UiLanguage; children: ReactNode }) {
  return <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): UiLanguage {
  return useContext(LanguageContext);
}

export function useT(): Translate {
  const language = useContext(LanguageContext);
  return useMemo(() => translator(language), [language]);
}
