import type { TermFact } from '../../core/rules/types';
import type { SiteDetails } from '../../shared/protocol';
import { useT } from '../../ui/i18n-context';
import { SourceLink } from '../../ui/SourceLink';

/** What the site's terms say about AI training, licensing and who sees uploads, each with its review date. */
export function SiteTerms({ site }: { site: SiteDetails }) {
  const t = useT();
  if (site.terms.length === 0) return null;
  return (
    <section aria-labelledby="terms-heading">
      <h2 id="terms-heading">{t('popup_terms', [site.name])}</h2>
      <ul class="terms" data-testid="terms">
        {site.terms.map((term: TermFact, index) => (
          <li key={index} data-topic={term.topic}>
            <span class="topic">{t(`topic_${term.topic.replace(/-/g, '_')}`)}</span> {term.summary}
            {term.where && <span class="muted"> ({term.where})</span>}{' '}
            <span class="muted">{t('popup_reviewed', [term.reviewed])}</span> <SourceLink url={term.source} />
          </li>
        ))}
      </ul>
    </section>
  );
}
