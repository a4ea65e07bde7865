import browser from '../../shared/ext';
import type { PlaceInUse } from '../../core/settings';
import { useT } from '../../ui/i18n-context';
import { countryName, regionList } from '../../ui/place-names';

/** Whose facts the popup shows: the person's country and its regions, with a way to change it in settings. */
export function PlaceLine({ place, language }: { place: PlaceInUse; language: string }) {
  const t = useT();
  const name = countryName(place.country, t, language);
  const label = place.regions.length > 0 ? `${name} (${regionList(place.regions, t)})` : name;
  return (
    <p class="muted place" data-testid="place">
      {t('popup_place', [label])} {place.guessed && <span>{t('popup_place_guessed')} </span>}
      <a href={browser.runtime.getURL('src/options/index.html#place-heading')} target="_blank" rel="noopener">
        {t('popup_place_change')}
      </a>
    </p>
  );
}
