import { guessCountry } from '../core/region';
import { browserHints } from '../shared/place';
import { useT } from './i18n-context';
import { countryGroups, countryName } from './place-names';

/**
 * Where the person is: a country (or US state) from a list grouped by the regions the rules use, with "follow my
 * browser" first. The browser's suggestion comes from its time zone and language, on the device.
 */
export function PlacePicker({
  id,
  value,
  language,
  onChange,
  describedBy,
  disabled = false,
}: {
  id: string;
  value: string;
  language: string;
  onChange: (country: string) => void;
  describedBy?: string;
  disabled?: boolean;
}) {
  const t = useT();
  const hints = browserHints();
  const suggested = guessCountry(hints.timeZone, hints.languages);
  return (
    <select id={id} value={value} disabled={disabled} aria-describedby={describedBy} data-testid="place-picker" onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}>
      <option value="">{t('place_follow_browser', [countryName(suggested, t, language)])}</option>
      {countryGroups(t, language).map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
