import { textOf } from '../core/i18n';
import type { DemoSite } from '../shared/demo-sites';
import type { DemoData } from '../shared/protocol';
import { useT } from '../ui/i18n-context';
import { countryName } from '../ui/place-names';

const MARKS = { low: 'i', medium: '!', high: '!!', 'very-high': '!!!' } as const;
const THINGS_TO_DO = [1, 2, 3] as const;

/**
 * The one-page handout a trainer prints at the end of a session (print stylesheet in demo.css; A4 and Letter): the
 * simulated sites shown, each one's level for a public portrait where the trainer is and the main reason, and the
 * three things to do. Hidden on screen. Nothing about the room is on it: the levels come from the rules.
 */
export function Handout({ data, shown, language }: { data: DemoData; shown: ReadonlySet<DemoSite>; language: string }) {
  const t = useT();
  // Before any site was shown, the handout covers them all rather than none.
  // Two simulated pages of one site (the dating profile and its selfie check) are one row.
  const names = new Set<string>();
  const sites = data.handout
    .filter((site) => shown.size === 0 || shown.has(site.demoSite))
    .filter((site) => !names.has(site.name ?? site.demoSite) && !!names.add(site.name ?? site.demoSite));
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date());
  return (
    <article class="handout" data-testid="handout" aria-labelledby="handout-title">
      <h1 id="handout-title">{t('handout_title')}</h1>
      <p class="handout-subtitle">{t('handout_subtitle', [date])}</p>
      <h2>{t('handout_sites_heading')}</h2>
      <p>{t('handout_sites_note', [countryName(data.place.country, t, language)])}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('handout_site')}</th>
            <th scope="col">{t('handout_level')}</th>
            <th scope="col">{t('handout_why')}</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => (
            <tr key={site.demoSite} data-demo-site={site.demoSite}>
              <th scope="row">{site.name ?? t('handout_blog')}</th>
              <td class="handout-level" data-level={site.level}>
                <span aria-hidden="true">{MARKS[site.level]} </span>
                {t(`level_${site.level.replace('-', '_')}`)}
              </td>
              <td>{textOf(site.reason, (key, params) => t(key, params))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('handout_do_heading')}</h2>
      <ol class="handout-do">
        {THINGS_TO_DO.map((n) => (
          <li key={n}>
            <strong>{t(`handout_do_${n}_title`)}</strong> {t(`handout_do_${n}`)}
          </li>
        ))}
      </ol>
      <p class="handout-footer">{t('handout_footer')}</p>
    </article>
  );
}
