/** The window: navigation rail, header, the current view, and the overlays (palette, help, first run). */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { UiLanguage } from '../../shared/types.ts';
import { CommandPalette, type Command } from '../components/CommandPalette.tsx';
import { Icon, type IconName } from '../components/Icon.tsx';
import { isEditable, modifierKey } from '../components/keys.ts';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { ShortcutsHelp } from '../components/ShortcutsHelp.tsx';
import { Welcome } from '../components/Welcome.tsx';
import { languageNames, useT, type MessageKey } from '../i18n/i18n.tsx';
import { ChatView } from '../views/chat/ChatView.tsx';
import { knowledgeSearchHint } from '../views/chat/KnowledgeSearch.tsx';
import { CustomersView } from '../views/customers/CustomersView.tsx';
import { ProductsView } from '../views/products/ProductsView.tsx';
import { ReviewsView } from '../views/reviews/ReviewsView.tsx';
import { SettingsView } from '../views/settings/SettingsView.tsx';
import { useApi } from './api.tsx';
import { useHistoryRoute } from './history-route.ts';
import { viewKeys, viewNames, type Route, type ViewName } from './routes.ts';
import { useSettings } from './settings.tsx';
import { useToast } from './toasts.tsx';

const viewIcons: Record<ViewName, IconName> = { chat: 'chat', reviews: 'reviews', products: 'products', customers: 'customers', settings: 'settings' };
const viewLabels: Record<ViewName, MessageKey> = {
  chat: 'nav.chat',
  reviews: 'nav.reviews',
  products: 'nav.products',
  customers: 'nav.customers',
  settings: 'nav.settings',
};

/** How long after "g" the second key of a go-to shortcut is awaited. */
const chordTimeout = 1_500;

export function Shell({ connected }: { connected: boolean }) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const { settings, resolvedTheme, update } = useSettings();
  const [route, setRoute] = useHistoryRoute({ view: 'chat' });
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const chordStarted = useRef<number | null>(null);

  const navigate = setRoute;

  const changeSettings = useCallback(
    (changes: Parameters<typeof update>[0]) => {
      update(changes).catch((error: unknown) => toast.error(error));
    },
    [update, toast],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        // One dialog at a time: the palette replaces the shortcuts help rather than stacking on it.
        setHelpOpen(false);
        setPaletteOpen((open) => !open);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target) || document.querySelector('dialog[open]')) return;
      const started = chordStarted.current;
      chordStarted.current = null;
      if (started !== null && Date.now() - started < chordTimeout) {
        const view = viewNames.find((name) => viewKeys[name] === event.key);
        if (view) {
          event.preventDefault();
          setRoute({ view });
          return;
        }
      }
      if (event.key === 'g') chordStarted.current = Date.now();
      else if (event.key === '?') {
        event.preventDefault();
        setHelpOpen(true);
      }
    };
    // Capture phase: the shell sees a key before any view does, whenever the view was mounted, so a
    // view's single-letter shortcut can leave alone the second key of a "g" chord (defaultPrevented).
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  // A view opened from the palette takes the keyboard focus: closing the palette would otherwise hand it back to the header's button.
  const mainRef = useRef<HTMLElement>(null);
  const focusViewNext = useRef(false);
  const openFromPalette = useCallback((next: Route) => {
    focusViewNext.current = true;
    setRoute(next);
  }, []);
  useEffect(() => {
    if (!focusViewNext.current) return;
    focusViewNext.current = false;
    mainRef.current?.focus();
  }, [route]);

  const otherLanguage: UiLanguage = settings.language === 'en' ? 'zh-CN' : 'en';
  const commands = useMemo<Command[]>(
    () => [
      ...viewNames.map((view) => ({
        id: `go-${view}`,
        label: t('palette.goTo', { view: t(viewLabels[view]) }),
        icon: viewIcons[view],
        hint: `g ${viewKeys[view]}`,
        run: () => openFromPalette({ view }),
      })),
      {
        id: 'toggle-theme',
        label: t('palette.toggleTheme'),
        icon: resolvedTheme === 'dark' ? 'sun' : 'moon',
        run: () => changeSettings({ theme: resolvedTheme === 'dark' ? 'light' : 'dark' }),
      },
      {
        id: 'switch-language',
        label: t('palette.switchLanguage', { language: languageNames[otherLanguage] }),
        icon: 'language',
        run: () => changeSettings({ language: otherLanguage }),
      },
      // Not openFromPalette: the search field, not the view, takes the focus.
      { id: 'search-knowledge', label: t('palette.searchKnowledge'), icon: 'book', hint: knowledgeSearchHint, run: () => setRoute({ view: 'chat', knowledgeSearch: true }) },
      { id: 'import', label: t('palette.import'), icon: 'upload', run: () => setRoute({ view: 'settings', section: 'import' }) },
      {
        id: 'create-demo',
        label: t('palette.createDemo'),
        icon: 'sparkle',
        run: () =>
          api.call('system.createDemo', {}).then(
            () => toast.success((translate) => translate('welcome.demoCreated')),
            (error: unknown) => toast.error(error),
          ),
      },
      { id: 'shortcuts', label: t('palette.shortcuts'), icon: 'keyboard', hint: '?', run: () => setHelpOpen(true) },
    ],
    [t, resolvedTheme, otherLanguage, changeSettings, api, toast, openFromPalette],
  );
  const searchCommand = useCallback(
    (query: string): Command => ({
      id: 'search-products',
      label: t('palette.searchProducts', { query }),
      icon: 'search',
      run: () => openFromPalette({ view: 'products', query }),
    }),
    [t, openFromPalette],
  );

  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-mark">
            <Icon name="chat" size={16} />
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <ul className="nav-list">
          {viewNames.map((view) => (
            <li key={view}>
              <button
                type="button"
                className={`nav-item ${route.view === view ? 'active' : ''}`}
                aria-current={route.view === view ? 'page' : undefined}
                data-testid={`nav-${view}`}
                onClick={() => setRoute({ view })}
              >
                <Icon name={viewIcons[view]} />
                <span>{t(viewLabels[view])}</span>
                <kbd className="nav-key">g {viewKeys[view]}</kbd>
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-footer">
          <span className="avatar small">{settings.agentName.slice(0, 1).toUpperCase()}</span>
          <span className="agent-name">{settings.agentName}</span>
        </div>
      </nav>
      <div className="workspace">
        <header className="topbar">
          <h1 className="view-title">{t(viewLabels[route.view])}</h1>
          {!connected && (
            <span className="connection-pill" role="status">
              {t('header.offline')}
            </span>
          )}
          <button type="button" className="command-button" data-testid="open-palette" onClick={() => setPaletteOpen(true)}>
            <Icon name="search" />
            <span>{t('header.search')}</span>
            <kbd>{modifierKey()} K</kbd>
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('palette.toggleTheme')}
            data-testid="toggle-theme"
            onClick={() => changeSettings({ theme: resolvedTheme === 'dark' ? 'light' : 'dark' })}
          >
            <Icon name={resolvedTheme === 'dark' ? 'sun' : 'moon'} />
          </button>
          <button type="button" className="icon-button" aria-label={t('header.shortcuts')} onClick={() => setHelpOpen(true)}>
            <Icon name="keyboard" />
          </button>
        </header>
        <main ref={mainRef} className="view" tabIndex={-1} data-testid={`view-${route.view}`}>
          {route.view === 'chat' && <ChatView route={route} navigate={navigate} />}
          {route.view === 'reviews' && <ReviewsView />}
          {route.view === 'products' && <ProductsView route={route} />}
          {route.view === 'customers' && <CustomersView route={route} navigate={navigate} />}
          {route.view === 'settings' && <SettingsView route={route} />}
        </main>
        <ProgressBar />
      </div>
      {paletteOpen && <CommandPalette commands={commands} searchCommand={searchCommand} onClose={() => setPaletteOpen(false)} />}
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      {!settings.onboarded && <Welcome onImport={() => setRoute({ view: 'settings', section: 'import' })} />}
    </div>
  );
}
