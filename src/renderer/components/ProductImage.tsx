import { useImageUrl } from '../app/images.tsx';
import { Icon } from './Icon.tsx';

/** A product picture from the catalog, or a quiet placeholder while loading or when there is none. */
export function ProductImage({ imageId, alt, className }: { imageId: number | null; alt: string; className?: string }) {
  const url = useImageUrl(imageId);
  return (
    <div className={`product-image ${className ?? ''}`}>
      {url ? <img src={url} alt={alt} loading="lazy" /> : <span className="product-image-placeholder"><Icon name="image" size={28} /></span>}
    </div>
  );
}
