/**
 * The route kept in the window's history: each change of view is a history entry, so the
 * browser's Back and Forward (and a mouse's back button) move between the views the agent
 * visited instead of leaving the app. One-shot requests in a route (open the knowledge-base
 * search, the import form) are not replayed when the agent comes back to it.
 */
import { useCallback, useEffect, useState } from 'react';
import { viewNames, type Route } from './routes.ts';

/** The part of a route worth coming back to. */
function revisitable(route: Route): Route {
  if (route.view === 'chat') return route.conversationId ? { view: 'chat', conversationId: route.conversationId } : { view: 'chat' };
  if (route.view === 'settings') return { view: 'settings' };
  return route;
}

function routeOf(state: unknown): Route | null {
  const route = (state as { route?: Route } | null)?.route;
  return route && viewNames.includes(route.view) ? route : null;
}

export function useHistoryRoute(initial: Route): [Route, (next: Route) => void] {
  // A start (or reload) opens the first view, as the desktop app does; history only serves Back and Forward.
  const [route, setRoute] = useState<Route>(initial);

  useEffect(() => {
    // The entry the app opened on holds its route too, so Back can return to it.
    window.history.replaceState({ ...(window.history.state as object | null), route: revisitable(route) }, '');
    const onPopState = (event: PopStateEvent) => {
      const previous = routeOf(event.state);
      if (previous) setRoute(previous);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
    // Registered once, with the first route: later routes are recorded by `navigate`.
  }, []);

  const navigate = useCallback((next: Route) => {
    setRoute(next);
    const current = routeOf(window.history.state);
    const entry = revisitable(next);
    // A new entry for a new place; the same place again (a one-shot request) replaces it.
    if (current && JSON.stringify(current) === JSON.stringify(entry)) window.history.replaceState({ route: entry }, '');
    else window.history.pushState({ route: entry }, '');
  }, []);

  return [route, navigate];
}
