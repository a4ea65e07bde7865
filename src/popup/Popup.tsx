import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/ext';
import { recordKey, type Request, type TabState } from '../shared/protocol';
import { useT } from '../ui/i18n-context';
import { ActionList } from './parts/ActionList';
import { Baseline } from './parts/Baseline';
import { DatasetTimeline } from './parts/DatasetTimeline';
import { Footer } from './parts/Footer';
import { LastUpload } from './parts/LastUpload';
import { Objection } from './parts/Objection';
import { LevelHeader } from './parts/LevelHeader';
import { PlaceLine } from './parts/PlaceLine';
import { SiteTerms } from './parts/SiteTerms';
import { WhyList } from './parts/WhyList';

type Load = { status: 'loading' } | { status: 'ready'; state: TabState } | { status: 'error' };

async function fetchState(tabId: number): Promise<TabState | null> {
  const request: Request = { type: 'tab-state', tabId };
  return (await browser.runtime.sendMessage(request)) as TabState | null;
}

/** Everything Afterlife knows about the tab, from bundled data only: opening it makes no network request. */
export function Popup({ tabId, standalone, language }: { tabId: number | null; standalone: boolean; language: string }) {
  const t = useT();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const refresh = async () => {
    try {
      const state = tabId === null ? null : await fetchState(tabId);
      setLoad(state ? { status: 'ready', state } : { status: 'error' });
    } catch {
      setLoad({ status: 'error' });
    }
  };
  useEffect(() => {
    void refresh();
    // The tab's record changes while the popup is open when a later upload or the face count arrives.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && tabId !== null && recordKey(tabId) in changes) void refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  useEffect(() => {
    if (load.status === 'ready') performance.mark('afterlife:popup-rendered');
  }, [load.status]);

  if (load.status === 'loading') return <p class="muted">{t('popup_loading')}</p>;
  if (load.status === 'error') return <p role="alert">{t('popup_error')}</p>;
  const { state } = load;
  const unmute = async () => {
    if (!state.siteKey) return;
    await browser.runtime.sendMessage({ type: 'unmute-site', siteKey: state.siteKey } satisfies Request);
    await refresh();
  };
  const assessment = state.record?.assessment ?? null;

  return (
    <div class={standalone ? 'popup standalone' : 'popup'}>
      {state.trainerMode && (
        <p class="note trainer" data-testid="trainer-mode">
          <a href={browser.runtime.getURL('src/demo/index.html')} target="_blank" rel="noopener">
            {t('popup_open_demo')}
          </a>
        </p>
      )}
      {!state.web ? (
        <p>{t('popup_not_web')}</p>
      ) : (
        <>
          <header class="site">
            <h1 data-testid="site-name">{state.site?.name ?? state.host}</h1>
            <p class="muted" data-testid="site-category">
              {t(`category_${(state.site?.category ?? 'unknown').replace('-', '_')}`)}
            </p>
          </header>
          <PlaceLine place={state.place} language={language} />
          {state.muted && (
            <p class="note" data-testid="muted">
              {t('popup_muted')}{' '}
              {state.mutedByOrganisation ? (
                t('popup_muted_by_organisation')
              ) : (
                <button type="button" onClick={unmute}>
                  {t('popup_unmute')}
                </button>
              )}
            </p>
          )}
          {assessment ? (
            <>
              <LevelHeader assessment={assessment} />
              <WhyList factors={assessment.factors} />
              <ActionList actions={assessment.actions} />
            </>
          ) : (
            <p data-testid="no-upload">{state.site ? t('popup_no_upload') : t('popup_site_unknown')}</p>
          )}
          {!state.site && <Baseline showActions={!assessment} />}
          {state.site && state.site.datasets.length > 0 && <DatasetTimeline siteName={state.site.name} datasets={state.site.datasets} />}
          {state.site && <SiteTerms site={state.site} regions={state.place.regions} />}
          {state.record && <LastUpload record={state.record} />}
          {state.record && <Objection record={state.record} />}
        </>
      )}
      <Footer rules={state.rules} />
    </div>
  );
}
