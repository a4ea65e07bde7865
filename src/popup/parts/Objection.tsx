import { NO_PAGE_SIGNALS, saysAnything, type PageSignals } from '../../core/page-signals';
import type { TabRecord } from '../../shared/protocol';
import { useT } from '../../ui/i18n-context';
import { SourceLink } from '../../ui/SourceLink';

/** Where the claims in "what it does and does not do" come from (docs/reservations.md has the longer story). */
const EU_DIRECTIVE = 'https://eur-lex.europa.eu/eli/dir/2019/790/oj';
const IMG2DATASET = 'https://github.com/rom1504/img2dataset';

function pageSignalsText(signals: PageSignals, t: ReturnType<typeof useT>): string {
  if (!saysAnything(signals)) return t('page_signals_none');
  const parts: string[] = [];
  if (signals.robotsAi.length > 0) parts.push(t('page_signals_robots', [signals.robotsAi.map((directive) => `"${directive}"`).join(', ')]));
  if (signals.tdmReservation === '1') parts.push(t('page_signals_tdm_reserved'));
  if (signals.tdmReservation === '0') parts.push(t('page_signals_tdm_not_reserved'));
  return t('page_signals_says', [parts.join('; ')]);
}

/**
 * "Saying no to AI training": what a reservation in the photo can do on this site (does the site keep the file's
 * metadata?), what the page itself tells AI crawlers, and — folded — what a reservation does and does not do, with
 * sources. Nothing here changes the level: it explains the objection, it does not promise protection.
 */
export function Objection({ record }: { record: TabRecord }) {
  const t = useT();
  const { assessment } = record;
  const siteName = assessment.site?.name ?? assessment.host;
  // Records kept by an older version have no signals: they are read as silence.
  const signals = record.pageSignals ?? NO_PAGE_SIGNALS;
  const onSite = assessment.metadataOnSite ?? { value: 'unknown' as const };
  return (
    <section aria-labelledby="objection-heading" data-testid="objection">
      <h2 id="objection-heading">{t('objection_heading')}</h2>
      <p data-testid="metadata-on-site" data-value={onSite.value}>
        {t(`reservation_fate_${onSite.value}`, [siteName])} {onSite.evidence?.source && <SourceLink url={onSite.evidence.source} />}
      </p>
      <p data-testid="page-signals">
        {pageSignalsText(signals, t)}
        {signals.tdmPolicy && (
          <>
            {' '}
            <a href={signals.tdmPolicy} target="_blank" rel="noopener noreferrer">
              {t('page_signals_policy')}
            </a>
          </>
        )}
      </p>
      <details data-testid="reservation-limits">
        <summary>{t('objection_limits_summary')}</summary>
        <ul>
          <li>
            {t('objection_does_law')} <SourceLink url={EU_DIRECTIVE} />
          </li>
          <li>
            {t('objection_does_tools')} <SourceLink url={IMG2DATASET} />
          </li>
          <li>{t('objection_does_not_stop')}</li>
          <li>{t('objection_level_unchanged')}</li>
        </ul>
      </details>
    </section>
  );
}
