import { useEffect, useState } from 'preact/hooks';
import { LEVELS, type Level } from '../core/levels';
import { LANGUAGE_SETTINGS, parseSettings, type LanguageChoice, type Settings } from '../core/settings';
import browser from '../shared/ext';
import type { Request, RulesSummary } from '../shared/protocol';
import { languageCode } from '../shared/i18n';
import { placeFor } from '../shared/place';
import { useT } from '../ui/i18n-context';
import { PlacePicker } from '../ui/PlacePicker';
import { countryName, regionList } from '../ui/place-names';
import { ReservationSection } from './ReservationSection';
import { RulesSection } from './RulesSection';

/** Settings: what interrupts, muted sites, language, and the rules in use. Every change saves at once to sync
 *  storage, and changes made elsewhere (another window muting a site) show up here live. */
export function Options({ initial }: { initial: Settings }) {
  const t = useT();
  const [settings, setSettings] = useState(initial);
  const [rules, setRules] = useState<RulesSummary | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    browser.runtime
      .sendMessage({ type: 'rules-info' } satisfies Request)
      .then((summary) => setRules(summary as RulesSummary))
      .catch(() => setRules(null));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'sync' && changes.settings) setSettings(parseSettings(changes.settings.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const save = async (next: Settings, reload = false) => {
    setSettings(next);
    try {
      await browser.storage.sync.set({ settings: next });
      setStatus(t('options_saved'));
      if (reload) location.reload();
    } catch (error) {
      setStatus(t('options_save_failed', [error instanceof Error ? error.message : String(error)]));
    }
  };
  const nameOf = (key: string) => (key.startsWith('domain:') ? key.slice('domain:'.length) : (rules?.siteNames[key] ?? key));

  return (
    <>
      <h1>{t('options_title')}</h1>

      <fieldset aria-describedby="interrupt-help">
        <legend>{t('options_interrupt_heading')}</legend>
        <p id="interrupt-help" class="help">
          {t('options_interrupt_help')}
        </p>
        {LEVELS.map((level: Level) => (
          <label key={level}>
            <input
              type="radio"
              name="interrupt-from"
              value={level}
              checked={settings.interruptFrom === level}
              onChange={() => void save({ ...settings, interruptFrom: level })}
            />
            {t(`level_${level.replace('-', '_')}`)}
          </label>
        ))}
      </fieldset>

      <h2 id="place-heading">{t('place_heading')}</h2>
      <label class="stacked" for="place">
        {t('place_label')}
      </label>
      <PlacePicker id="place" value={settings.country} language={languageCode(settings.language)} describedBy="place-help place-regions" onChange={(country) => void save({ ...settings, country })} />
      <p id="place-regions" class="help" data-testid="place-regions">
        {(() => {
          const place = placeFor(settings);
          const name = countryName(place.country, t, languageCode(settings.language));
          return place.regions.length > 0 ? t('place_regions', [name, regionList(place.regions, t)]) : t('place_regions_none', [name]);
        })()}
      </p>
      <p id="place-help" class="help">
        {t('place_help')}
      </p>

      <h2 id="muted-heading">{t('options_muted_heading')}</h2>
      {settings.mutedSites.length === 0 ? (
        <p class="help" data-testid="no-muted">
          {t('options_muted_none')}
        </p>
      ) : (
        <ul class="muted-list" aria-labelledby="muted-heading" data-testid="muted-sites">
          {settings.mutedSites.map((key) => (
            <li key={key} data-site={key}>
              <span>{nameOf(key)}</span>
              <button type="button" onClick={() => void save({ ...settings, mutedSites: settings.mutedSites.filter((k) => k !== key) })}>
                {t('options_unmute', [nameOf(key)])}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h2 id="clean-heading">{t('options_clean_heading')}</h2>
      <label>
        <input
          type="checkbox"
          checked={settings.alwaysClean}
          aria-describedby="clean-help"
          onChange={(event) => void save({ ...settings, alwaysClean: (event.currentTarget as HTMLInputElement).checked })}
        />
        {t('options_always_clean')}
      </label>
      <p id="clean-help" class="help">
        {t('options_always_clean_help')}
      </p>

      <ReservationSection settings={settings} save={save} />

      <h2 id="language-heading">{t('options_language_heading')}</h2>
      <select
        aria-labelledby="language-heading"
        value={settings.language}
        onChange={(event) => void save({ ...settings, language: (event.currentTarget as HTMLSelectElement).value as LanguageChoice }, true)}
      >
        {LANGUAGE_SETTINGS.map((language) => (
          <option key={language} value={language}>
            {t(`options_language_${language}`)}
          </option>
        ))}
      </select>

      <RulesSection settings={settings} onSettings={(next) => save(next)} />
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}
