import type { DatasetRule } from '../../core/rules/types';
import { useT } from '../../ui/i18n-context';
import { SourceLink } from '../../ui/SourceLink';

/** The site's scraping history: datasets built from its photos, oldest first, with size and what became of them. */
export function DatasetTimeline({ siteName, datasets }: { siteName: string; datasets: DatasetRule[] }) {
  const t = useT();
  const ordered = [...datasets].sort((a, b) => a.year - b.year || a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('popup_history', [siteName])}</h2>
      <ol class="timeline" data-testid="timeline">
        {ordered.map((dataset) => (
          <li key={dataset.id} data-dataset={dataset.id}>
            <span class="year">{dataset.year}</span>
            <div>
              <strong>{dataset.name}</strong>
              <span class="muted"> · {dataset.size}</span>
              <span class={`status status-${dataset.status}`}> · {t(`dataset_status_${dataset.status.replace(/-/g, '_')}`)}</span>{' '}
              {dataset.sources[0] && <SourceLink url={dataset.sources[0].url} />}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
