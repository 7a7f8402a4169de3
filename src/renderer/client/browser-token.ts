/**
 * Browser mode authenticates the socket with a token handed over in the URL fragment
 * (`#token=...`). It is read once, kept for this tab in sessionStorage so a reload still
 * works, and removed from the address bar so it is not shared by copy-paste or history.
 */
const storageKey = 'shopdesk.token';

export function takeBrowserToken(location: Location, history: History, storage: Storage): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromUrl = fragment.get('token');
  if (fromUrl) {
    storage.setItem(storageKey, fromUrl);
    fragment.delete('token');
    const rest = fragment.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return fromUrl;
  }
  return storage.getItem(storageKey);
}

export function socketUrl(location: Location, token: string | null): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/api/ws?token=${encodeURIComponent(token ?? '')}`;
}
