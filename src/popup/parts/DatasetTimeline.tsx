import type { DatasetRule, DatasetStatus } from '../../core/rules/types';
import { DATASET_STATUSES } from '../../core/rules/types';
import { useT } from '../../ui/i18n-context';
import { SourceLink } from '../../ui/SourceLink';

const WIDTH = 360;
const HEIGHT = 130;
const BASELINE = 104;
const TOP = 8;
/** The smallest and largest sizes the scale draws: a thousand images to ten billion. */
const LOG_MIN = 3;
const LOG_MAX = 10;

/** A height for a number of images on a log scale: a 10× larger dataset is one step taller, not ten times. */
export function barHeight(images: number | undefined): number {
  if (!images || images <= 0) return 0;
  const exponent = Math.min(LOG_MAX, Math.max(LOG_MIN, Math.log10(images)));
  return 6 + ((exponent - LOG_MIN) / (LOG_MAX - LOG_MIN)) * (BASELINE - TOP - 6);
}

const statusKey = (status: DatasetStatus) => `dataset_status_${status.replace(/-/g, '_')}`;

/**
 * The site's scraping history as a picture: one bar per dataset built from its photos, placed by year, as tall as
 * its number of images on a log scale, coloured by what became of it (still handed out, on request, withdrawn but
 * copied, withdrawn, deleted). The picture is for the eye; its caption and legend say how to read it, the table
 * folded under it says the same for a screen reader or a keyboard, and so does the full list with sources.
 */
export function DatasetTimeline({ siteName, datasets }: { siteName: string; datasets: DatasetRule[] }) {
  const t = useT();
  const ordered = [...datasets].sort((a, b) => a.year - b.year || a.name.localeCompare(b.name));
  const first = ordered[0]?.year ?? 0;
  const last = ordered.at(-1)?.year ?? first;
  const span = Math.max(1, last - first);
  const x = (year: number, index: number, ofYear: number) => 16 + ((year - first) / span) * (WIDTH - 40) + (index - (ofYear - 1) / 2) * 9;
  const perYear = new Map<number, number>();
  const placed = ordered.map((dataset) => {
    const index = perYear.get(dataset.year) ?? 0;
    perYear.set(dataset.year, index + 1);
    return { dataset, index };
  });
  const statuses = DATASET_STATUSES.filter((status) => ordered.some((dataset) => dataset.status === status));
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('popup_history', [siteName])}</h2>
      <figure class="history-chart" data-testid="timeline">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="history-caption" focusable="false">
          <line x1="8" x2={WIDTH - 8} y1={BASELINE} y2={BASELINE} class="axis" />
          {placed.map(({ dataset, index }) => {
            const height = barHeight(dataset.images);
            const cx = x(dataset.year, index, perYear.get(dataset.year) ?? 1);
            return height > 0 ? (
              <rect key={dataset.id} data-bar={dataset.id} x={cx - 3} y={BASELINE - height} width="6" height={height} rx="1.5" class={`bar status-${dataset.status}`} />
            ) : (
              <circle key={dataset.id} data-bar={dataset.id} cx={cx} cy={BASELINE - 4} r="3" class={`bar unknown-size status-${dataset.status}`} />
            );
          })}
          <text x="8" y={HEIGHT - 8} class="tick">
            {first}
          </text>
          <text x={WIDTH - 8} y={HEIGHT - 8} class="tick" text-anchor="end">
            {last}
          </text>
        </svg>
        <figcaption id="history-caption">{t('popup_history_caption', [String(ordered.length), siteName, String(first), String(last)])}</figcaption>
        <ul class="legend" aria-label={t('popup_history_legend')}>
          {statuses.map((status) => (
            <li key={status}>
              <span class={`swatch status-${status}`} aria-hidden="true" /> {t(statusKey(status))}
            </li>
          ))}
        </ul>
      </figure>
      <details class="history-list">
        <summary>{t('popup_history_table_summary')}</summary>
      <table class="history-table" data-testid="timeline-table">
        <caption class="visually-hidden">{t('popup_history_table', [siteName])}</caption>
        <thead>
          <tr>
            <th scope="col">{t('popup_history_year')}</th>
            <th scope="col">{t('popup_history_dataset')}</th>
            <th scope="col">{t('popup_history_images')}</th>
            <th scope="col">{t('popup_history_status')}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((dataset) => (
            <tr key={dataset.id} data-row={dataset.id}>
              <td class="year">{dataset.year}</td>
              <th scope="row">{dataset.name}</th>
              <td class="number">{dataset.images ? dataset.images.toLocaleString() : t('popup_history_images_unknown')}</td>
              <td>{t(statusKey(dataset.status))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </details>
      <details class="history-list">
        <summary>{t('popup_history_list', [String(ordered.length)])}</summary>
        <ol class="timeline" data-testid="dataset-list">
          {ordered.map((dataset) => (
            <li key={dataset.id} data-dataset={dataset.id}>
              <span class="year">{dataset.year}</span>
              <div>
                <strong>{dataset.name}</strong>
                <span class="muted"> · {dataset.size}</span>
                <span class={`status status-${dataset.status}`}> · {t(statusKey(dataset.status))}</span>{' '}
                {dataset.sources[0] && <SourceLink url={dataset.sources[0].url} />}
              </div>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
