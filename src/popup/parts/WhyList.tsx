import { textOf } from '../../core/i18n';
import type { Factor } from '../../core/risk/types';
import { useT } from '../../ui/i18n-context';
import { scopeText } from '../../ui/place-names';
import { SourceLink } from '../../ui/SourceLink';

/** "Why": each reason, strongest first, with the evidence behind it and where that evidence comes from. */
export function WhyList({ factors }: { factors: Factor[] }) {
  const t = useT();
  const shown = factors.filter((factor) => factor.points > 0 || factor.id === 'unknown-site').sort((a, b) => b.points - a.points);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="why-heading">
      <h2 id="why-heading">{t('popup_why')}</h2>
      <ul class="factors" data-testid="factors">
        {shown.map((factor) => (
          <li key={factor.id} data-factor={factor.id}>
            <span>{textOf(factor.reason, t)}</span>
            {factor.evidence.length > 0 && (
              <details>
                <summary>{t('popup_evidence', [factor.evidence.length])}</summary>
                <ul class="evidence">
                  {factor.evidence.map((evidence, index) => (
                    <li key={index}>
                      {textOf(evidence.text, t)}
                      {(evidence.where || evidence.outside) && <span class="muted"> ({scopeText(evidence, t)})</span>}
                      {evidence.operator && <span class="muted"> · {t('popup_from_operator', [evidence.operator])}</span>}
                      {evidence.source && (
                        <>
                          {' '}
                          <SourceLink url={evidence.source} />
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
