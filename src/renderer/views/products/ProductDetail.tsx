import { useState } from 'react';
import { useApiData } from '../../app/api.tsx';
import { formatMoney } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { ProductImage } from '../../components/ProductImage.tsx';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

export function ProductDetail({ sku, onBack, onOpen }: { sku: string; onBack: () => void; onOpen: (sku: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const product = useApiData((client) => client.call('catalog.get', { sku }), sku, ['catalog']);
  const related = useApiData((client) => client.call('recs.boughtTogether', { sku, k: 6 }), sku, ['recs', 'catalog']);
  const [shownImage, setShownImage] = useState<number | null>(null);

  const data = product.data?.sku === sku ? product.data : undefined;
  if (!data) return <p className="muted pad">{t('common.loading')}</p>;
  const mainImage = shownImage ?? data.images[0]?.id ?? null;

  return (
    <article className="product-detail" data-testid="product-detail">
      <button type="button" className="button ghost back" onClick={onBack}>
        <Icon name="arrowLeft" size={16} />
        {t('products.back')}
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
          <p className="price">{data.price === null ? t('products.noPrice') : formatMoney(data.price, language)}</p>
          <h3 className="section-title">{t('products.description')}</h3>
          <p className="description">{data.description || t('products.noDescription')}</p>
        </div>
      </div>
      <h3 className="section-title">{t('products.boughtTogether')}</h3>
      {related.data && related.data.length === 0 && <p className="muted">{t('products.noRecs')}</p>}
      <div className="related-grid" data-testid="bought-together">
        {related.data?.map((item) => (
          <button key={item.sku} type="button" className="related-card" onClick={() => onOpen(item.sku)}>
            <ProductImage imageId={item.imageId} alt={item.title} />
            <span className="related-text">
              <span className="row-title">{item.title}</span>
              <span className="muted small">{item.reason}</span>
            </span>
          </button>
        ))}
      </div>
    </article>
  );
}
