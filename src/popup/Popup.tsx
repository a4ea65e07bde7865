import { useEffect, useState } from 'preact/hooks';
import { textOf } from '../core/i18n';
import type { Assessment } from '../core/risk/types';
import browser, { t } from '../shared/ext';
import type { Request, TabState } from '../shared/protocol';

type Load = { status: 'loading' } | { status: 'ready'; state: TabState } | { status: 'error' };

const levelKey = (level: string) => level.replace('-', '_');
const categoryKey = (category: string | null) => `category_${(category ?? 'unknown').replace('-', '_')}`;

async function fetchState(tabId: number | null): Promise<TabState | null> {
  if (tabId === null) return null;
  const request: Request = { type: 'tab-state', tabId };
  return (await browser.runtime.sendMessage(request)) as TabState | null;
}

export function Popup({ tabId }: { tabId: Promise<number | null> }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const refresh = () =>
    tabId
      .then(fetchState)
      .then((state) => setLoad(state ? { status: 'ready', state } : { status: 'error' }))
      .catch(() => setLoad({ status: 'error' }));
  useEffect(() => void refresh(), []);

  if (load.status === 'loading') return <p class="muted">{t('popup_loading')}</p>;
  if (load.status === 'error') return <p role="alert">{t('popup_error')}</p>;
  const { state } = load;
  if (!state.web) return <p>{t('popup_not_web')}</p>;

  const unmute = async () => {
    if (!state.siteKey) return;
    await browser.runtime.sendMessage({ type: 'unmute-site', siteKey: state.siteKey } satisfies Request);
    await refresh();
  };

  return (
    <article>
      <header class="site">
        <h1 data-testid="site-name">{state.siteName}</h1>
        <p class="muted" data-testid="site-category">{t(categoryKey(state.siteCategory))}</p>
      </header>
      {state.muted && (
        <p class="note">
          {t('popup_muted')}{' '}
          <button type="button" onClick={unmute}>
            {t('popup_unmute')}
          </button>
        </p>
      )}
      {state.record ? (
        <AssessmentView assessment={state.record.assessment} at={state.record.at} photos={state.record.photos.length} />
      ) : (
        <p data-testid="no-upload">{state.siteCategory ? t('popup_no_upload') : t('popup_site_unknown')}</p>
      )}
    </article>
  );
}

function AssessmentView({ assessment, at, photos }: { assessment: Assessment; at: number; photos: number }) {
  const key = levelKey(assessment.level);
  return (
    <section aria-labelledby="level-heading">
      <p id="level-heading" class={`level level-${assessment.level}`} data-testid="level" data-level={assessment.level}>
        {t('popup_level', [t(`level_${key}`)])}
      </p>
      <p data-testid="summary">{textOf(assessment.summary, t)}</p>
      <h2>{t('popup_why')}</h2>
      <ul data-testid="factors">
        {assessment.factors
          .filter((factor) => factor.points > 0 || factor.id === 'unknown-site')
          .map((factor) => (
            <li key={factor.id} data-factor={factor.id}>
              {textOf(factor.reason, t)}
              {factor.evidence
                .filter((evidence) => evidence.source)
                .slice(0, 3)
                .map((evidence, index) => (
                  <span key={index}>
                    {' '}
                    <a href={evidence.source} target="_blank" rel="noreferrer noopener">
                      {t('popup_source')}
                    </a>
                  </span>
                ))}
            </li>
          ))}
      </ul>
      {assessment.actions.length > 0 && (
        <>
          <h2>{t('popup_what_now')}</h2>
          <ul data-testid="actions">
            {assessment.actions.map((action, index) => (
              <li key={index} data-action={action.id}>
                {textOf(action.text, t)}
                {action.path && <span class="path"> ({action.path})</span>}
                {action.url && (
                  <>
                    {' '}
                    <a href={action.url} target="_blank" rel="noreferrer noopener">
                      {new URL(action.url).host}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="muted" data-testid="last-upload">
        {t('popup_last_upload')}: {t('popup_photos_count', [photos, new Date(at).toLocaleTimeString()])}
      </p>
    </section>
  );
}
