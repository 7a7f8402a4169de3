/**
 * Identify a product from a customer's photo: drop it, paste it (Ctrl/Cmd+V) or pick a file.
 * Shows the five best catalog matches; confirming one teaches the store that photo. Each
 * file gets its own result or its own error, and the time from drop to results is shown so
 * agents (and tests) see how fast identification is on this machine.
 */
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { PhotoIdentification } from '../../shared/types.ts';
import { useApi, useApiData } from '../app/api.tsx';
import { useToast } from '../app/toasts.tsx';
import { useT } from '../i18n/i18n.tsx';
import { describeError, describeErrorReason } from './describe-error.ts';
import { Icon } from './Icon.tsx';
import { modifierKey } from './keys.ts';
import { ProductImage } from './ProductImage.tsx';
import { usePriceFormat } from './usePriceFormat.ts';

const candidateCount = 5;

type PhotoEntry = { id: number; fileName: string } & (
  | { state: 'working' }
  | { state: 'error'; message: string }
  | { state: 'done'; imageBase64: string; result: PhotoIdentification; elapsedMs: number; learnedSku: string | null }
);

/** The file's bytes as base64 (the data: URL's payload), which every transport carries as JSON; null when the browser cannot read it. */
function readBase64(file: File): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  });
}

/** Files from a paste, or none when the clipboard holds only text (then the paste is left alone). */
function pastedFiles(event: ClipboardEvent): File[] {
  return Array.from(event.clipboardData?.files ?? []);
}

/** `listening: false` leaves pasted photos alone while the zone is hidden (Product lookup with a product open). */
export function PhotoDropZone({ compact = false, onOpenProduct, listening = true }: { compact?: boolean; onOpenProduct?: (sku: string) => void; listening?: boolean }) {
  const t = useT();
  const formatPrice = usePriceFormat();
  const api = useApi();
  const toast = useToast();
  const status = useApiData((client) => client.call('vision.status', {}), '', ['system']);
  const [entries, setEntries] = useState<PhotoEntry[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);
  const available = status.data?.available === true;

  const update = useCallback((id: number, next: PhotoEntry) => setEntries((current) => current.map((entry) => (entry.id === id ? next : entry))), []);

  const identifyFiles = useCallback(
    (files: File[], startedAt: number) => {
      const batch = files.map((file) => ({ id: nextId.current++, fileName: file.name || t('photo.pasted'), file }));
      // A new drop replaces the previous results: the agent is working on one customer's photo at a time.
      setEntries(batch.map(({ id, fileName }) => ({ id, fileName, state: 'working' })));
      for (const { id, fileName, file } of batch) {
        const fail = (message: string) => update(id, { id, fileName, state: 'error', message });
        if (file.size === 0) {
          fail(t('photo.errorEmpty', { file: fileName }));
          continue;
        }
        if (file.type !== '' && !file.type.startsWith('image/')) {
          fail(t('photo.errorNotImage', { file: fileName, type: file.type }));
          continue;
        }
        readBase64(file)
          .then(async (imageBase64) => {
            if (imageBase64 === null) {
              fail(t('photo.errorUnreadable', { file: fileName }));
              return;
            }
            const result = await api.call('vision.identify', { imageBase64, k: candidateCount });
            update(id, { id, fileName, state: 'done', imageBase64, result, elapsedMs: Math.round(performance.now() - startedAt), learnedSku: null });
          })
          .catch((error: unknown) => fail(t('photo.errorFailed', { file: fileName, message: describeError(t, error) })));
      }
    },
    [api, t, update],
  );

  useEffect(() => {
    if (!available || !listening) return;
    const onPaste = (event: ClipboardEvent) => {
      const files = pastedFiles(event);
      if (files.length === 0) return;
      event.preventDefault();
      identifyFiles(files, performance.now());
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [available, listening, identifyFiles]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (available) identifyFiles(Array.from(event.dataTransfer.files), performance.now());
  };

  const confirm = async (entry: Extract<PhotoEntry, { state: 'done' }>, sku: string, title: string) => {
    try {
      await api.call('vision.learn', { imageBase64: entry.imageBase64, sku, fileName: entry.fileName });
      update(entry.id, { ...entry, learnedSku: sku });
      toast.success((translate) => translate('photo.learned', { title }));
    } catch (error) {
      toast.error(error);
    }
  };

  return (
    <section className={`photo-zone ${compact ? 'compact' : ''}`} data-testid="photo-zone">
      <div
        className={`photo-drop ${available ? 'available' : ''} ${dragging ? 'dragging' : ''}`}
        data-testid="photo-drop"
        onDragOver={(event) => {
          event.preventDefault();
          if (available) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Icon name="camera" size={compact ? 18 : 22} />
        <div className="photo-drop-text">
          <strong>{t('products.photo')}</strong>
          {!status.data && <p className="muted small">{t('common.loading')}</p>}
          {status.data && !available && <UnavailableReason compact={compact} reason={status.data.message ? describeErrorReason(t, status.data.reason, status.data.message) : null} />}
          {available && <p className="muted small">{t('photo.hint', { modifier: modifierKey() })}</p>}
        </div>
        {available && (
          <>
            <button type="button" className="button small" onClick={() => fileInput.current?.click()}>
              <Icon name="upload" size={14} />
              {t('photo.choose')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="image/*"
              multiple
              hidden
              data-testid="photo-input"
              onChange={(event) => {
                identifyFiles(Array.from(event.target.files ?? []), performance.now());
                event.target.value = '';
              }}
            />
          </>
        )}
      </div>
      {entries.map((entry) => (
        <div key={entry.id} className="photo-result" data-testid="photo-result">
          {entry.state === 'working' && <p className="muted small">{t('photo.working', { file: entry.fileName })}</p>}
          {entry.state === 'error' && (
            <p className="photo-error" role="alert" data-testid="photo-error">
              <Icon name="alert" size={14} /> {entry.message}
            </p>
          )}
          {entry.state === 'done' && (
            <>
              <div className="photo-result-header">
                {/* Several photos give several results: each says which file it is for. */}
                <span className="photo-result-file" data-testid="photo-result-file" title={entry.fileName}>
                  {entry.fileName}
                </span>
                <span data-testid="photo-result-header" data-elapsed-ms={entry.elapsedMs}>
                  {t(entry.result.matches.length === 1 ? 'photo.headerOne' : 'photo.header', { n: entry.result.matches.length, ms: entry.elapsedMs })}
                </span>
                <span className={`badge ${entry.result.confident ? 'photo-confident' : 'photo-unsure'}`} data-testid="photo-confidence">
                  {t(entry.result.confident ? 'photo.confident' : 'photo.notConfident')}
                </span>
                <button
                  type="button"
                  className="icon-button photo-dismiss"
                  aria-label={t('photo.dismiss', { file: entry.fileName })}
                  title={t('photo.dismiss', { file: entry.fileName })}
                  data-testid="photo-dismiss"
                  onClick={() => setEntries((current) => current.filter((other) => other.id !== entry.id))}
                >
                  <Icon name="close" size={14} />
                </button>
              </div>
              <ol className="photo-candidates">
                {entry.result.matches.map((match) => (
                  <li key={match.sku} className="photo-candidate" data-testid="photo-candidate" data-sku={match.sku}>
                    <ProductImage imageId={match.imageId} alt={match.title} />
                    <span className="related-text">
                      <span className="row-title">{match.title}</span>
                      <span className="muted small">
                        <span className="mono">{match.sku}</span> · {match.category || t('common.none')} · {formatPrice(match.price)}
                      </span>
                      <span className="muted small">{t('photo.score', { score: match.score.toFixed(2) })}</span>
                    </span>
                    <span className="photo-actions">
                      {onOpenProduct && (
                        <button type="button" className="button ghost small" onClick={() => onOpenProduct(match.sku)}>
                          {t('photo.open')}
                        </button>
                      )}
                      <button
                        type="button"
                        className={`button small ${entry.learnedSku === match.sku ? 'primary' : ''}`}
                        data-testid="photo-confirm"
                        disabled={entry.learnedSku !== null}
                        onClick={() => void confirm(entry, match.sku, match.title)}
                      >
                        {entry.learnedSku === match.sku && <Icon name="check" size={14} />}
                        {t(entry.learnedSku === match.sku ? 'photo.confirmed' : 'photo.confirm')}
                      </button>
                    </span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      ))}
    </section>
  );
}

/**
 * Why photos cannot be identified. The reason names files, checksums and folders: Product lookup
 * has the width for it, a customer's sidebar does not (it pushed the orders out of sight), so there
 * it is one line pointing to Settings › Models, which lists the same reason, with the whole text on hover.
 */
function UnavailableReason({ compact, reason }: { compact: boolean; reason: string | null }) {
  const t = useT();
  if (compact || reason === null)
    return (
      <p className="muted small" data-testid="photo-status" title={reason ?? undefined}>
        {t(reason === null ? 'products.photoUnavailable' : 'products.photoUnavailableSeeModels')}
      </p>
    );
  return (
    <p className="muted small" data-testid="photo-status">
      {reason}
    </p>
  );
}
