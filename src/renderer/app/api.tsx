/** The API client in React context, and a data hook that reloads when the core reports a change. */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiClient, ApiEvents } from '../../shared/api.ts';
import { useToast } from './toasts.tsx';

export type Domain = ApiEvents['changed']['domain'];

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside ApiProvider');
  return client;
}

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Loads data with `load(api)` whenever `key` changes, and again when a `changed` event names one
 * of `domains`. Failures go to the error toast; the last good data stays on screen.
 */
export function useApiData<T>(load: (api: ApiClient) => Promise<T>, key: string, domains: readonly Domain[]): Loaded<T> {
  const api = useApi();
  const toast = useToast();
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const domainList = domains.join(',');

  useEffect(() => {
    let current = true;
    setLoading(true);
    loadRef.current(api).then(
      (result) => {
        if (!current) return;
        setData(result);
        setLoading(false);
      },
      (error: unknown) => {
        if (!current) return;
        setLoading(false);
        toast.error(error);
      },
    );
    return () => {
      current = false;
    };
  }, [api, toast, key, generation]);

  useEffect(() => {
    const watched = new Set(domainList.split(','));
    return api.on('changed', (payload) => {
      if (watched.has(payload.domain)) setGeneration((value) => value + 1);
    });
  }, [api, domainList]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, loading, reload };
}
