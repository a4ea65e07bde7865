import { useT } from '../../ui/i18n-context';

/** For a site not in the rules: why unknown is not safe, and what helps anywhere. */
export function Baseline({ showActions }: { showActions: boolean }) {
  const t = useT();
  return (
    <section aria-labelledby="baseline-heading" data-testid="baseline">
      <h2 id="baseline-heading">{t('popup_baseline_heading')}</h2>
      <p>{t('popup_baseline_text')}</p>
      {showActions && (
        <ul>
          <li>{t('action_avoid_public_face_photos')}</li>
          <li>{t('action_remove_location')}</li>
          <li>{t('action_choose_restrictive_licence')}</li>
        </ul>
      )}
    </section>
  );
}
