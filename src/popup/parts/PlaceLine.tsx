import browser from '../../shared/ext';
import type { PlaceInUse } from '../../core/settings';
import { useT } from '../../ui/i18n-context';
import { countryName, regionName } from '../../ui/place-names';

/** Whose facts the popup shows: the person's country and its regions, with a way to change it in settings. */
export function PlaceLine({ place, language }: { place: PlaceInUse; language: string }) {
  const t = useT();
  const name = countryName(place.country, t, language);
  // "Germany (EU/EEA)", "United States – Illinois (United States, Illinois)"; a region named like the country is
  // not repeated ("United Kingdom", not "United Kingdom (United Kingdom)").
  const regions = place.regions.map((region) => regionName(region, t)).filter((region) => region !== name);
  const label = regions.length > 0 ? `${name} (${regions.join(', ')})` : name;
  return (
    <p class="muted place" data-testid="place">
      {t('popup_place', [label])} {place.guessed && <span>{t('popup_place_guessed')} </span>}
      <a href={browser.runtime.getURL('src/options/index.html#place-heading')} target="_blank" rel="noopener">
        {t('popup_place_change')}
      </a>
    </p>
  );
}
