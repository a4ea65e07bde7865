import { useEffect, useState } from 'preact/hooks';
import { lockedSettings, settingsUnderPolicy } from '../core/policy';
import type { Settings } from '../core/settings';
import { useSettingsWriter, type SettingsChange } from '../ui/settings-writer';
import browser from '../shared/ext';
import { languageCode } from '../shared/i18n';
import { loadPolicy, NO_POLICY, type PolicyInForce } from '../shared/load-policy';
import { placeFor } from '../shared/place';
import { useT } from '../ui/i18n-context';
import { PlacePicker } from '../ui/PlacePicker';
import { AlwaysChoice, InterruptChoice } from '../ui/SettingChoices';
import { countryName, regionList } from '../ui/place-names';

/** Firefox and Chromium put the pin in different places; the page says the one that applies. */
const isFirefox = () => browser.runtime.getURL('').startsWith('moz-extension:');

/**
 * The first-run page: what Afterlife does and does not do, a live example (the demo's simulated photo site, through
 * the real detection path), the one question that changes its facts — where the person is — and the two choices
 * most people want to make at once: when to be interrupted, and whether to clean every photo. Each choice saves at
 * once; an organisation's policy shows as set. Nothing is looked up online.
 */
export function Welcome({ initial }: { initial: Settings }) {
  const t = useT();
  const writer = useSettingsWriter(initial);
  const own = writer.own;
  const [inForce, setInForce] = useState<PolicyInForce>(NO_POLICY);
  const [status, setStatus] = useState('');
  useEffect(() => void loadPolicy().then(setInForce), []);
  const settings = settingsUnderPolicy(own, inForce.policy);
  const locked = new Set(lockedSettings(inForce.policy));
  const language = languageCode(settings.language);
  const place = placeFor(settings);
  const name = countryName(place.country, t, language);

  const save = async (change: SettingsChange) => {
    try {
      await writer.save(change);
      setStatus(t('options_saved'));
    } catch (error) {
      setStatus(t('options_save_failed', [error instanceof Error ? error.message : String(error)]));
    }
  };

  return (
    <>
      <h1>{t('welcome_title')}</h1>
      <p>{t('welcome_intro')}</p>
      <ul>
        <li>{t('welcome_does_not_send')}</li>
        <li>{t('welcome_no_telemetry')}</li>
        <li>{t('welcome_not_a_lock')}</li>
      </ul>

      <h2 id="example-heading">{t('welcome_example_heading')}</h2>
      <p id="example-help" class="help">
        {t('welcome_example_help')}
      </p>
      <iframe
        class="example"
        src={browser.runtime.getURL('src/demo/sites/photo.html')}
        title={t('welcome_example_frame')}
        aria-describedby="example-help"
        data-testid="welcome-example"
      />

      <h2 id="place-heading">{t('welcome_place_heading')}</h2>
      <p id="place-help" class="help">
        {t('place_help')}
      </p>
      <label class="stacked" for="place">
        {t('place_label')}
      </label>
      <PlacePicker
        id="place"
        value={settings.country}
        language={language}
        describedBy="place-help place-regions"
        disabled={locked.has('country')}
        onChange={(country) => void save((current) => ({ ...current, country }))}
      />
      <p id="place-regions" class="help" data-testid="place-regions">
        {place.regions.length > 0 ? t('place_regions', [name, regionList(place.regions, t)]) : t('place_regions_none', [name])}
      </p>

      <h2 id="choices-heading">{t('welcome_choices_heading')}</h2>
      <InterruptChoice value={settings.interruptFrom} locked={locked.has('interruptFrom')} save={save} />
      <AlwaysChoice
        field="alwaysClean"
        checked={settings.alwaysClean}
        locked={locked.has('alwaysClean')}
        save={save}
        label={t('options_always_clean')}
        help={t('options_always_clean_help')}
        helpId="clean-help"
      />

      <h2 id="pin-heading">{t('welcome_pin_heading')}</h2>
      <p data-testid="pin-help">{t(isFirefox() ? 'welcome_pin_firefox' : 'welcome_pin_chromium')}</p>

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
