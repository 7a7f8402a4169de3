import { useApiData } from '../../app/api.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useT } from '../../i18n/i18n.tsx';

/**
 * Where a customer's photo will be dropped to identify the product. The API offers only the
 * status of photo identification for now, so this area shows that status and nothing more.
 */
export function PhotoDrop() {
  const t = useT();
  const status = useApiData((client) => client.call('vision.status', {}), '', ['system']);
  return (
    <div className={`photo-drop ${status.data?.available ? 'available' : ''}`} data-testid="photo-drop">
      <Icon name="camera" size={22} />
      <div>
        <strong>{t('products.photo')}</strong>
        <p className="muted small">{status.data ? status.data.message || (status.data.available ? '' : t('products.photoUnavailable')) : t('common.loading')}</p>
      </div>
    </div>
  );
}
