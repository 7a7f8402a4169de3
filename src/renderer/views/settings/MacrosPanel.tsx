/** Macros: canned replies with {{variables}}, created, edited and deleted here, inserted from the composer. */
import { useRef, useState } from 'react';
import type { Macro } from '../../../shared/types.ts';
import { useApi, useApiData } from '../../app/api.tsx';
import { useToast } from '../../app/toasts.tsx';
import { describeIntent, knownIntents } from '../../components/intent-name.ts';
import { useT } from '../../i18n/i18n.tsx';

const blank = { name: '', shortcut: '', intent: '', body: '' };

export function MacrosPanel() {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const macros = useApiData((client) => client.call('macros.list', {}), '', ['macros']);
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState(blank);
  const nameInput = useRef<HTMLInputElement>(null);

  // The form sits under the whole list: Edit brings it into view and puts the caret in it.
  const edit = (macro: Macro) => {
    setEditing(macro.id);
    setForm({ name: macro.name, shortcut: macro.shortcut ?? '', intent: macro.intent ?? '', body: macro.body });
    nameInput.current?.focus();
  };

  const save = async () => {
    try {
      if (editing) await api.call('macros.update', { id: editing, ...form });
      else await api.call('macros.create', form);
      setEditing(null);
      setForm(blank);
      toast.success((translate) => translate('settings.saved'));
    } catch (error) {
      toast.error(error);
    }
  };

  // Deleting takes one press and no confirmation, so the toast offers to put the macro back (under a new id),
  // with the focus on its Delete button again, where it was when the macro went.
  const remove = async (macro: Macro) => {
    try {
      await api.call('macros.delete', { id: macro.id });
      if (editing === macro.id) {
        setEditing(null);
        setForm(blank);
      }
      let restoredId: string | null = null;
      const restore = () =>
        api
          .call('macros.create', { name: macro.name, body: macro.body, ...(macro.shortcut ? { shortcut: macro.shortcut } : {}), ...(macro.intent ? { intent: macro.intent } : {}) })
          .then(
            (restored) => {
              restoredId = restored.id;
              toast.success((translate) => translate('common.undone'));
            },
            (error: unknown) => toast.error(error),
          );
      const focusAfter = () => (restoredId === null ? null : document.querySelector<HTMLElement>(`[data-macro-id="${CSS.escape(restoredId)}"] .macro-delete`));
      toast.success((translate) => translate('settings.macroDeleted', { name: macro.name }), { label: 'common.undo', run: restore, focusAfter });
    } catch (error) {
      toast.error(error);
    }
  };

  const field = (name: keyof typeof blank) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <section className="card" aria-labelledby="macros-title" data-testid="macros-panel">
      <h2 id="macros-title">{t('chat.macros.label')}</h2>
      <p className="muted">{t('settings.macrosHint')}</p>
      <ul className="macro-admin-list">
        {macros.data?.map((macro) => (
          <li key={macro.id} data-testid="macro-admin-row" data-macro-id={macro.id}>
            <span className="macro-name">{macro.name}</span>
            {macro.shortcut && <kbd>{macro.shortcut}</kbd>}
            {macro.intent && <span className="badge">{describeIntent(t, macro.intent)}</span>}
            <span className="grow" />
            <button type="button" className="button ghost small" onClick={() => edit(macro)}>
              {t('settings.macroEdit')}
            </button>
            <button type="button" className="button ghost small macro-delete" data-testid="macro-delete" onClick={() => void remove(macro)}>
              {t('settings.macroDelete')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="macro-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <input ref={nameInput} placeholder={t('settings.macroName')} aria-label={t('settings.macroName')} data-testid="macro-name" {...field('name')} />
        <input placeholder={t('settings.macroShortcut')} aria-label={t('settings.macroShortcut')} data-testid="macro-shortcut" {...field('shortcut')} />
        {/* Macros are offered for the intent the assistant reads, so the intent is chosen by name, not typed as an id. */}
        <select aria-label={t('settings.macroIntent')} data-testid="macro-intent" {...field('intent')}>
          <option value="">{t('settings.macroNoIntent')}</option>
          {[...new Set([...knownIntents, ...(form.intent ? [form.intent] : [])])]
            .map((intent) => ({ intent, name: describeIntent(t, intent) }))
            .sort((left, right) => left.name.localeCompare(right.name))
            .map(({ intent, name }) => (
              <option key={intent} value={intent}>
                {name}
              </option>
            ))}
        </select>
        <textarea placeholder={t('settings.macroBody')} aria-label={t('settings.macroBody')} rows={4} data-testid="macro-body" {...field('body')} />
        <div className="button-row">
          <button type="submit" className="button primary" disabled={form.name.trim() === '' || form.body.trim() === ''} data-testid="macro-save">
            {editing ? t('common.save') : t('settings.macroAdd')}
          </button>
          {editing && (
            <button
              type="button"
              className="button ghost"
              onClick={() => {
                setEditing(null);
                setForm(blank);
              }}
            >
              {t('common.close')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
