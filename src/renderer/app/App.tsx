/** Providers around the shell: API client, settings (language, theme), toasts, image cache. */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../shared/api.ts';
import { describeError } from '../components/describe-error.ts';
import { LanguageProvider, translator } from '../i18n/i18n.tsx';
import { ApiProvider } from './api.tsx';
import { ImageCacheProvider } from './images.tsx';
import { SettingsProvider, useSettings } from './settings.tsx';
import { Shell } from './Shell.tsx';
import { ToastProvider } from './toasts.tsx';

/** Transports that can lose their connection (the browser socket) report it; Electron IPC cannot. */
type ConnectionAware = ApiClient & { onConnection?: (listener: (connected: boolean) => void) => () => void };

function useConnected(client: ConnectionAware): boolean {
  const [connected, setConnected] = useState(true);
  useEffect(() => client.onConnection?.(setConnected), [client]);
  return connected;
}

function Localised({ connected }: { connected: boolean }) {
  const { settings } = useSettings();
  return (
    <LanguageProvider language={settings.language}>
      <ToastProvider>
        <ImageCacheProvider>
          <Shell connected={connected} />
        </ImageCacheProvider>
      </ToastProvider>
    </LanguageProvider>
  );
}

/** Before the settings arrive the UI's language is unknown: English. */
function Starting({ failure }: { failure: { error: unknown } | null }) {
  const t = translator('en');
  return (
    <div className="starting" data-testid="starting">
      {failure ? (
        <p role="alert">{describeError(t, failure.error)}</p>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </div>
  );
}

export function App({ client }: { client: ConnectionAware }) {
  const connected = useConnected(client);
  return (
    <ApiProvider client={client}>
      <SettingsProvider client={client} fallback={(failure) => <Starting failure={failure} />}>
        <Localised connected={connected} />
      </SettingsProvider>
    </ApiProvider>
  );
}
