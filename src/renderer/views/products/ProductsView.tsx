/** Product lookup: search and filter the catalog, open a product with its images and suggestions. */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useApiData } from '../../app/api.tsx';
import type { Route } from '../../app/routes.ts';
import { isBackKey, isEditable } from '../../components/keys.ts';
import { PhotoDropZone } from '../../components/PhotoDropZone.tsx';
import { ProductImage } from '../../components/ProductImage.tsx';
import { SearchField } from '../../components/SearchField.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { usePriceFormat } from '../../components/usePriceFormat.ts';
import { useWindowKeydown } from '../../components/useWindowKeydown.ts';
import { useT } from '../../i18n/i18n.tsx';
import { moveInGrid } from './grid-navigation.ts';
import { ProductDetail } from './ProductDetail.tsx';

const pageSize = 60;

export function ProductsView({ route }: { route: Extract<Route, { view: 'products' }> }) {
  const t = useT();
  const formatPrice = usePriceFormat();
  const [query, setQuery] = useState(route.query ?? '');
  const [category, setCategory] = useState('');
  const [openSku, setOpenSku] = useState<string | null>(route.sku ?? null);
  // Products opened from an open product (Similar, Bought together), oldest first: Back walks them back before the list.
  const [trail, setTrail] = useState<string[]>([]);
  const [limit, setLimit] = useState(pageSize);
  // The product just closed: its card takes the focus back, so the keyboard carries on where it was.
  const [closedSku, setClosedSku] = useState<string | null>(null);
  const settledQuery = useDebounced(query.trim());
  const grid = useRef<HTMLDivElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (route.query !== undefined) {
      setQuery(route.query);
      setOpenSku(null);
    }
    if (route.sku !== undefined) setOpenSku(route.sku);
    setTrail([]);
  }, [route]);

  /** From the list or a photo match: a fresh start, nothing to walk back but the list. */
  const openFromList = (sku: string) => {
    setTrail([]);
    setOpenSku(sku);
  };

  const categories = useApiData((client) => client.call('catalog.categories', {}), '', ['catalog']);
  const products = useApiData(
    (client) => client.call('catalog.list', { query: settledQuery || undefined, category: category || undefined, limit }),
    JSON.stringify([settledQuery, category, limit]),
    ['catalog'],
  );

  useEffect(() => {
    if (openSku || !closedSku || !products.data) return;
    document.querySelector<HTMLElement>(`.product-card[data-sku="${CSS.escape(closedSku)}"]`)?.focus();
    setClosedSku(null);
  }, [openSku, closedSku, products.data]);

  const back = () => {
    if (openSku === null) return;
    const previous = trail.at(-1);
    if (previous !== undefined) {
      setTrail(trail.slice(0, -1));
      setOpenSku(previous);
      return;
    }
    setClosedSku(openSku);
    setOpenSku(null);
  };
  // Esc and the platform's Back keys do what the Back button does. Not in a field (⌥+← moves by a word
  // there on a Mac) and not under a dialog, whose Esc closes it.
  useWindowKeydown((event) => {
    if (openSku === null || event.defaultPrevented || isEditable(event.target) || document.querySelector('dialog[open]')) return;
    const plainEscape = event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
    if (!plainEscape && !isBackKey(event)) return;
    event.preventDefault();
    back();
  });

  // ↓ from the search goes into the results; arrows move through them, ↑ from the first row goes back up.
  const onGridKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || !(event.target instanceof HTMLElement)) return;
    const cards = Array.from(grid.current?.querySelectorAll<HTMLElement>('.product-card') ?? []);
    const move = moveInGrid(cards, event.target, event.key);
    if (move === null) return;
    event.preventDefault();
    (move === 'above' ? searchInput.current : move)?.focus();
  };
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    const first = grid.current?.querySelector<HTMLElement>('.product-card');
    if (!first) return;
    event.preventDefault();
    first.focus();
  };

  // The list stays mounted, hidden, under an open product: Back finds the photo's matches, the loaded pages and the scroll where they were.
  return (
    <>
      {openSku && (
        <ProductDetail
          sku={openSku}
          backTo={trail.length > 0 ? 'product' : 'results'}
          onBack={back}
          onOpen={(sku) => {
            setTrail([...trail, openSku]);
            setOpenSku(sku);
          }}
        />
      )}
      <div className="products-layout" hidden={openSku !== null}>
        <div className="filter-bar">
          <SearchField
            label={t('products.search')}
            value={query}
            testId="product-search"
            grow
            inputRef={searchInput}
            inputProps={{ onKeyDown: onSearchKeyDown }}
            onChange={(text) => {
              setQuery(text);
              setLimit(pageSize);
            }}
          />
          <label className="field">
            <span className="visually-hidden">{t('products.category')}</span>
            <select value={category} data-testid="product-category" onChange={(event) => setCategory(event.target.value)}>
              <option value="">{t('products.allCategories')}</option>
              {categories.data?.map((entry) => (
                <option key={entry.category} value={entry.category}>
                  {entry.category} ({entry.count})
                </option>
              ))}
            </select>
          </label>
        </div>
        <PhotoDropZone onOpenProduct={openFromList} listening={openSku === null} />
        {products.data && (
          <p className="muted small">{t('common.showing', { shown: products.data.items.length, total: products.data.total })}</p>
        )}
        {products.data?.items.length === 0 && (
          // Unfiltered and still empty: the store has no catalog yet, and no search will find one.
          <p className="empty-state">{settledQuery === '' && category === '' ? t('products.none') : t('products.empty')}</p>
        )}
        <div className="product-grid" data-testid="product-grid" ref={grid} onKeyDown={onGridKeyDown}>
          {products.data?.items.map((product) => (
            <button key={product.sku} type="button" className="product-card" data-testid="product-card" data-sku={product.sku} onClick={() => openFromList(product.sku)}>
              <ProductImage imageId={product.imageId} alt={product.title} />
              <span className="product-card-body">
                <span className="product-card-title">{product.title}</span>
                <span className="product-card-meta">
                  <span className="muted small">{product.category}</span>
                  <span className="price-small">{formatPrice(product.price)}</span>
                </span>
              </span>
            </button>
          ))}
        </div>
        {products.data && products.data.items.length < products.data.total && (
          <button type="button" className="button load-more" onClick={() => setLimit((value) => value + pageSize)}>
            {t('common.loadMore')}
          </button>
        )}
      </div>
    </>
  );
}
