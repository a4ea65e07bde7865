import { useEffect, useRef, useState } from 'preact/hooks';
import browser from '../shared/ext';
import type { DemoData, Request } from '../shared/protocol';
import { useT } from '../ui/i18n-context';
import { Handout } from './Handout';
import { STEPS, type DemoSite } from './steps';

const SITE_PAGES = { photo: 'photo.html', dating: 'dating.html', selfie: 'selfie.html', social: 'social.html', blog: 'blog.html', archive: 'archive.html' } as const;

/**
 * Presenter mode: one step at a time in large type, → and ← to move, each step saying what to show and what to say,
 * with the simulated site on the stage. Everything is inside the extension, so it works with no network.
 */
export function Presenter() {
  const t = useT();
  const [index, setIndex] = useState(() => Math.max(0, STEPS.findIndex((step) => step.id === location.hash.slice(1))));
  const [data, setData] = useState<DemoData | null>(null);
  const [resets, setResets] = useState(0);
  /** The simulated sites shown in this session, for the handout. */
  const [shown, setShown] = useState<ReadonlySet<DemoSite>>(() => new Set());
  const frame = useRef<HTMLIFrameElement>(null);
  const step = STEPS[index] ?? STEPS[0]!;
  const go = (next: number) => setIndex(Math.min(STEPS.length - 1, Math.max(0, next)));
  /** Moves from the step on screen now: the key handlers below may run before the effect that replaces them after
   *  a step change, so they must not use an `index` captured earlier (it would move from the previous step). */
  const move = (delta: number) => setIndex((current) => Math.min(STEPS.length - 1, Math.max(0, current + delta)));

  useEffect(() => {
    void browser.runtime.sendMessage({ type: 'demo-data' } satisfies Request).then((result) => setData(result as DemoData));
  }, []);
  useEffect(() => {
    history.replaceState(null, '', `#${step.id}`);
    const site = step.site;
    if (site) setShown((sites) => (sites.has(site) ? sites : new Set([...sites, site])));
  }, [step.id]);

  // Arrow keys move between steps wherever focus is, except while typing in a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if (event.key === 'ArrowRight') move(1);
      else if (event.key === 'ArrowLeft') move(-1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    // The site frame's window changes each time it loads a page: every window this handler was added to is
    // remembered, so no handler outlives its frame (two handlers would move two steps).
    const frameElement = frame.current;
    const windows = new Set<Window>();
    const attach = () => {
      const inner = frameElement?.contentWindow;
      if (!inner) return;
      inner.addEventListener('keydown', onKey);
      windows.add(inner);
    };
    frameElement?.addEventListener('load', attach);
    attach();
    return () => {
      window.removeEventListener('keydown', onKey);
      for (const inner of windows) inner.removeEventListener('keydown', onKey);
      frameElement?.removeEventListener('load', attach);
    };
  }, [step.site, resets]);

  const reset = async () => {
    await browser.runtime.sendMessage({ type: 'demo-reset' } satisfies Request);
    setResets((count) => count + 1);
    setShown(new Set());
    setIndex(0);
  };
  const datasets = (step.datasets ?? []).flatMap((id) => data?.datasets.find((dataset) => dataset.id === id) ?? []);

  return (
    <>
    <div class="presenter">
      <section class="notes" aria-labelledby="step-title" aria-live="polite">
        <p>
          <span class="demo-label">{t('demo_label')}</span>
        </p>
        <p class="step-count">{t('demo_step_count', [index + 1, STEPS.length])}</p>
        <h1 id="step-title" data-testid="step-title">
          {t(step.title)}
        </h1>
        <h2>{t('demo_show')}</h2>
        <p data-testid="step-show">{t(step.show)}</p>
        <h2>{t('demo_say')}</h2>
        <p data-testid="step-say">{t(step.say)}</p>
        {datasets.map((dataset) => (
          <p key={dataset.id} class="say-extra">
            <strong>
              {dataset.name} ({dataset.year}):
            </strong>{' '}
            {dataset.summary}
          </p>
        ))}
        <div class="controls">
          <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
            {t('demo_back')}
          </button>
          <button type="button" onClick={() => go(index + 1)} disabled={index === STEPS.length - 1}>
            {t('demo_next')}
          </button>
          <button type="button" onClick={() => void reset()}>
            {t('demo_reset')}
          </button>
          <button type="button" onClick={() => window.print()} disabled={!data} data-testid="print-handout">
            {t('demo_print')}
          </button>
        </div>
        <p class="keys">{t('demo_keys')}</p>
      </section>
      <section class="stage" aria-label={t('demo_stage')}>
        {step.site ? (
          <iframe
            key={`${step.site}-${resets}`}
            ref={frame}
            src={`./sites/${SITE_PAGES[step.site]}`}
            title={t(`demo_site_${step.site}_brand`)}
            data-testid="stage"
          />
        ) : step.timeline && data ? (
          <ol class="timeline big-timeline" data-testid="demo-timeline">
            {[...data.datasets]
              .sort((a, b) => a.year - b.year || a.name.localeCompare(b.name))
              .map((dataset) => (
                <li key={dataset.id}>
                  <span class="year">{dataset.year}</span>
                  <div>
                    <strong>{dataset.name}</strong>
                    <span class="muted"> · {dataset.size}</span>
                    <span> · {t(`dataset_status_${dataset.status.replace(/-/g, '_')}`)}</span>
                  </div>
                </li>
              ))}
          </ol>
        ) : (
          <p class="say-extra">{t('demo_stage_empty')}</p>
        )}
      </section>
    </div>
    {data && <Handout data={data} shown={shown} language={document.documentElement.lang || 'en'} />}
    </>
  );
}
