/** The user's settings, loaded once and kept in sync; also applies the theme to the document. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../shared/api.ts';
import type { Settings, Theme } from '../../shared/types.ts';

export type ResolvedTheme = 'light' | 'dark';

interface SettingsState {
  settings: Settings;
  resolvedTheme: ResolvedTheme;
  update(changes: Partial<Settings>): Promise<Settings>;
}

const SettingsContext = createContext<SettingsState | null>(null);

const darkQuery = '(prefers-color-scheme: dark)';

function useSystemTheme(): ResolvedTheme {
  const [dark, setDark] = useState(() => window.matchMedia(darkQuery).matches);
  useEffect(() => {
    const media = window.matchMedia(darkQuery);
    const listener = (event: MediaQueryListEvent) => setDark(event.matches);
    media.addEventListener('change', listener);
    return () => media.removeEventListener('change', listener);
  }, []);
  return dark ? 'dark' : 'light';
}

function resolveTheme(theme: Theme, system: ResolvedTheme): ResolvedTheme {
  return theme === 'system' ? system : theme;
}

/** Renders `fallback` until the settings arrive, then the children with the settings in context. */
export function SettingsProvider({ client, fallback, children }: { client: ApiClient; fallback: (failure: { error: unknown } | null) => ReactNode; children: ReactNode }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const systemTheme = useSystemTheme();
  const resolvedTheme = resolveTheme(settings?.theme ?? 'system', systemTheme);

  useEffect(() => {
    let current = true;
    const load = () =>
      client.call('system.getSettings', {}).then(
        (loaded) => current && setSettings(loaded),
        (error: unknown) => current && setFailure({ error }),
      );
    void load();
    const unsubscribe = client.on('changed', (payload) => {
      if (payload.domain === 'system') void load();
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client]);

  useEffect(() => {
    document.documentElement.dataset.theme = resolvedTheme;
    document.documentElement.style.colorScheme = resolvedTheme;
  }, [resolvedTheme]);

  useEffect(() => {
    if (settings) document.documentElement.lang = settings.language;
  }, [settings]);

  const update = useCallback(
    async (changes: Partial<Settings>) => {
      const updated = await client.call('system.updateSettings', changes);
      setSettings(updated);
      return updated;
    },
    [client],
  );

  if (!settings) return <>{fallback(failure)}</>;
  return <SettingsContext.Provider value={{ settings, resolvedTheme, update }}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings outside SettingsProvider');
  return state;
}
