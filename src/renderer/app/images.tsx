/**
 * Product images come over the API as base64; each is fetched once per session and kept as a
 * data: URL in a Map owned by the provider, so scrolling a grid back and forth costs nothing.
 */
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useApi } from './api.tsx';

type ImageCache = Map<number, Promise<string>>;

const ImageCacheContext = createContext<ImageCache | null>(null);

export function ImageCacheProvider({ children }: { children: ReactNode }) {
  const cache = useRef<ImageCache>(new Map());
  return <ImageCacheContext.Provider value={cache.current}>{children}</ImageCacheContext.Provider>;
}

/** The data: URL of an image, or null while loading, when absent, or when it failed. */
export function useImageUrl(imageId: number | null): string | null {
  const api = useApi();
  const cache = useContext(ImageCacheContext);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    setUrl(null);
    if (imageId === null || !cache) return;
    let pending = cache.get(imageId);
    if (!pending) {
      pending = api.call('catalog.image', { imageId }).then((image) => `data:${image.mime};base64,${image.base64}`);
      // A failed fetch is forgotten so a later view can try again.
      pending.catch(() => cache.delete(imageId));
      cache.set(imageId, pending);
    }
    let current = true;
    pending.then(
      (value) => current && setUrl(value),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, cache, imageId]);
  return url;
}
