import { textOf } from '../../core/i18n';
import type { Action } from '../../core/risk/types';
import { useT } from '../../ui/i18n-context';

/** "What you can do now": the site's own settings first (with the menu path and a link), then general steps. */
export function ActionList({ actions }: { actions: Action[] }) {
  const t = useT();
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('popup_what_now')}</h2>
      <ul class="actions" data-testid="actions">
        {actions.map((action, index) => (
          <li key={index} data-action={action.id}>
            <span>{textOf(action.text, t)}</span>
            {action.path && <span class="path">{action.path}</span>}
            {action.url && (
              <a href={action.url} target="_blank" rel="noopener noreferrer">
                {t('popup_open_setting', [new URL(action.url).host.replace(/^www\./, '')])}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
