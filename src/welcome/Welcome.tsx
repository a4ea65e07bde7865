import { useState } from 'preact/hooks';
import { parseSettings, type Settings } from '../core/settings';
import browser from '../shared/ext';
import { languageCode } from '../shared/i18n';
import { placeFor } from '../shared/place';
import { useT } from '../ui/i18n-context';
import { PlacePicker } from '../ui/PlacePicker';
import { countryName, regionList } from '../ui/place-names';

/**
 * The first-run page: what Afterlife does, and the one question that changes its facts — where the person is. The
 * browser's suggestion is already in use; confirming or changing it saves at once. Nothing is looked up online.
 */
export function Welcome({ initial }: { initial: Settings }) {
  const t = useT();
  const [settings, setSettings] = useState(initial);
  const [status, setStatus] = useState('');
  const language = languageCode(settings.language);
  const place = placeFor(settings);
  const name = countryName(place.country, t, language);

  const choose = async (country: string) => {
    // Read again before writing, so a setting changed in another window since this page opened is kept.
    const current = parseSettings((await browser.storage.sync.get('settings')).settings);
    const next = { ...current, country };
    setSettings(next);
    try {
      await browser.storage.sync.set({ settings: next });
      setStatus(t('options_saved'));
    } catch (error) {
      setStatus(t('options_save_failed', [error instanceof Error ? error.message : String(error)]));
    }
  };

  return (
    <>
      <h1>{t('welcome_title')}</h1>
      <p>{t('welcome_intro')}</p>
      <h2 id="place-heading">{t('welcome_place_heading')}</h2>
      <p id="place-help" class="help">
        {t('place_help')}
      </p>
      <label class="stacked" for="place">
        {t('place_label')}
      </label>
      <PlacePicker id="place" value={settings.country} language={language} describedBy="place-help place-regions" onChange={(country) => void choose(country)} />
      <p id="place-regions" class="help" data-testid="place-regions">
        {place.regions.length > 0 ? t('place_regions', [name, regionList(place.regions, t)]) : t('place_regions_none', [name])}
      </p>
      <h2>{t('welcome_next_heading')}</h2>
      <ul>
        <li>{t('welcome_next_upload')}</li>
        <li>
          <a href={browser.runtime.getURL('src/demo/index.html')}>{t('welcome_next_demo')}</a>
        </li>
        <li>
          <a href={browser.runtime.getURL('src/options/index.html')}>{t('welcome_next_settings')}</a>
        </li>
      </ul>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}
