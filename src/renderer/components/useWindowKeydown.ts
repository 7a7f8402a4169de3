import { useEffect, useRef } from 'react';

/**
 * Calls the latest `handler` for every keydown on the window. The listener is registered
 * once and reads the handler through a ref, so it always sees the current state without
 * being re-added on every render.
 */
export function useWindowKeydown(handler: (event: KeyboardEvent) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
