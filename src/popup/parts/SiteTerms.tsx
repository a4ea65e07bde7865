import { appliesIn, type RegionCode } from '../../core/region';
import type { OptOut, TermFact } from '../../core/rules/types';
import type { SiteDetails } from '../../shared/protocol';
import { useT } from '../../ui/i18n-context';
import { scopeText } from '../../ui/place-names';
import { SourceLink } from '../../ui/SourceLink';

function FactLine({ term }: { term: TermFact }) {
  const t = useT();
  const scope = scopeText(term, t);
  return (
    <li data-topic={term.topic} data-where={[...(term.where ?? []), ...(term.outside ?? []).map((region) => `!${region}`)].join(' ') || undefined}>
      <span class="topic">{t(`topic_${term.topic.replace(/-/g, '_')}`)}</span> {term.summary}
      {scope && <span class="muted"> ({scope})</span>}
      {term.operator && <span class="muted"> · {t('popup_from_operator', [term.operator])}</span>}{' '}
      <span class="muted">{t('popup_reviewed', [term.reviewed])}</span> <SourceLink url={term.source} />
    </li>
  );
}

function OptOutLine({ optOut }: { optOut: OptOut }) {
  const t = useT();
  const scope = scopeText(optOut, t);
  return (
    <li data-opt-out={optOut.name}>
      <span class="topic">{optOut.name}</span> {optOut.summary}
      {scope && <span class="muted"> ({scope})</span>} <SourceLink url={optOut.source} />
    </li>
  );
}

/**
 * What the site's terms say about AI training, licensing and who sees uploads, each with its review date: first the
 * facts that hold where the person is (the ones the level counts), then, folded, those for other regions, so a
 * trainer can show both.
 */
export function SiteTerms({ site, regions }: { site: SiteDetails; regions: readonly RegionCode[] }) {
  const t = useT();
  const here = site.terms.filter((term) => appliesIn(term, regions));
  const elsewhereTerms = site.terms.filter((term) => !appliesIn(term, regions));
  const elsewhereOptOuts = site.optOuts.filter((optOut) => !appliesIn(optOut, regions));
  const elsewhereCount = elsewhereTerms.length + elsewhereOptOuts.length;
  if (site.terms.length === 0 && elsewhereCount === 0) return null;
  return (
    <section aria-labelledby="terms-heading">
      <h2 id="terms-heading">{t('popup_terms', [site.name])}</h2>
      {here.length > 0 && (
        <ul class="terms" data-testid="terms">
          {here.map((term, index) => (
            <FactLine key={index} term={term} />
          ))}
        </ul>
      )}
      {elsewhereCount > 0 && (
        <details class="elsewhere" data-testid="elsewhere">
          <summary>{t('popup_elsewhere', [elsewhereCount])}</summary>
          <p class="muted">{t('popup_elsewhere_help')}</p>
          <ul class="terms">
            {elsewhereTerms.map((term, index) => (
              <FactLine key={`t${index}`} term={term} />
            ))}
            {elsewhereOptOuts.map((optOut, index) => (
              <OptOutLine key={`o${index}`} optOut={optOut} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
