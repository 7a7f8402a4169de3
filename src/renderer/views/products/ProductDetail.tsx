import { useEffect, useRef, useState } from 'react';
import type { RelatedProduct } from '../../../shared/types.ts';
import { useApiData } from '../../app/api.tsx';
import { Icon } from '../../components/Icon.tsx';
import { describeReason } from '../../components/recommendation-reason.ts';
import { ProductImage } from '../../components/ProductImage.tsx';
import { usePriceFormat } from '../../components/usePriceFormat.ts';
import { useT } from '../../i18n/i18n.tsx';

/** `backTo` says where Back leads: the results, or the product this one was opened from. */
export function ProductDetail({ sku, backTo, onBack, onOpen }: { sku: string; backTo: 'results' | 'product'; onBack: () => void; onOpen: (sku: string) => void }) {
  const t = useT();
  const formatPrice = usePriceFormat();
  const product = useApiData((client) => client.call('catalog.get', { sku }), sku, ['catalog']);
  const related = useApiData((client) => client.call('recs.boughtTogether', { sku, k: 6 }), sku, ['recs', 'catalog']);
  const similar = useApiData((client) => client.call('recs.similar', { sku, k: 6 }), sku, ['recs', 'catalog']);
  const [shownImage, setShownImage] = useState<number | null>(null);
  const back = useRef<HTMLButtonElement>(null);

  const data = product.data?.sku === sku ? product.data : undefined;
  // The card that opened this product is gone: keyboard focus starts again at the way back.
  const loaded = data !== undefined;
  useEffect(() => {
    if (loaded) back.current?.focus();
  }, [sku, loaded]);
  if (!data) return <p className="muted pad">{t('common.loading')}</p>;
  const mainImage = shownImage ?? data.images[0]?.id ?? null;

  return (
    <article className="product-detail" data-testid="product-detail">
      <button ref={back} type="button" className="button ghost back" data-testid="product-back" onClick={onBack}>
        <Icon name="arrowLeft" size={16} />
        {backTo === 'product' ? t('products.backToProduct') : t('products.back')}
      </button>
      <div className="product-hero">
        <div className="gallery">
          <ProductImage imageId={mainImage} alt={data.title} className="hero-image" />
          {data.images.length > 1 && (
            <div className="thumbs" role="group" aria-label={t('products.images')}>
              {data.images.map((image) => (
                <button key={image.id} type="button" className={`thumb ${image.id === mainImage ? 'active' : ''}`} aria-label={`${t('products.images')} ${image.id}`} onClick={() => setShownImage(image.id)}>
                  <ProductImage imageId={image.id} alt="" />
                  {image.source === 'learned' && <span className="thumb-tag">{t('products.learned')}</span>}
                </button>
              ))}
            </div>
          )}
        </div>
        <div className="product-info">
          <span className="eyebrow">{data.category || t('common.none')}</span>
          <h2 data-testid="product-title">{data.title}</h2>
          <span className="mono muted">{data.sku}</span>
          <p className="price">{formatPrice(data.price)}</p>
          {data.stock !== null && (
            <span className={`chip ${data.stock === 0 ? 'sentiment-negative' : 'outline'}`} data-testid="product-stock">
              {data.stock === 0 ? t('products.outOfStock') : t('products.inStock', { n: data.stock })}
            </span>
          )}
          <h3 className="section-title">{t('products.description')}</h3>
          <p className="description">{data.description || t('products.noDescription')}</p>
        </div>
      </div>
      <RelatedSection title={t('products.similar')} empty={t('products.noSimilar')} items={similar.data} testId="similar" onOpen={onOpen} />
      <RelatedSection title={t('products.boughtTogether')} empty={t('products.noRecs')} items={related.data} testId="bought-together" onOpen={onOpen} />
    </article>
  );
}

function RelatedSection({ title, empty, items, testId, onOpen }: { title: string; empty: string; items: RelatedProduct[] | undefined; testId: string; onOpen: (sku: string) => void }) {
  const t = useT();
  return (
    <>
      <h3 className="section-title">{title}</h3>
      {items && items.length === 0 && <p className="muted">{empty}</p>}
      <div className="related-grid" data-testid={testId}>
        {items?.map((item) => (
          <button key={item.sku} type="button" className="related-card" data-testid="related-card" onClick={() => onOpen(item.sku)}>
            <ProductImage imageId={item.imageId} alt={item.title} />
            <span className="related-text">
              <span className="row-title">{item.title}</span>
              <span className="muted small">{describeReason(t, item.reason)}</span>
            </span>
          </button>
        ))}
      </div>
    </>
  );
}
