import { useEffect, useState } from 'preact/hooks';
import { lockedSettings, settingsUnderPolicy } from '../core/policy';
import { LANGUAGE_SETTINGS, type LanguageChoice, type Settings } from '../core/settings';
import browser from '../shared/ext';
import type { Request, RulesSummary } from '../shared/protocol';
import { languageCode } from '../shared/i18n';
import { placeFor } from '../shared/place';
import { useT } from '../ui/i18n-context';
import { PlacePicker } from '../ui/PlacePicker';
import { countryName, regionList } from '../ui/place-names';
import { ReservationSection } from './ReservationSection';
import { loadPolicy, NO_POLICY, type PolicyInForce } from '../shared/load-policy';
import { PolicyNote, PolicyProblems } from '../ui/PolicyNotes';
import { AlwaysChoice, InterruptChoice } from '../ui/SettingChoices';
import { RulesSection } from './RulesSection';
import { SettingsTransfer } from './SettingsTransfer';
import { useSettingsWriter, type SettingsChange } from '../ui/settings-writer';


/** Settings: what interrupts, muted sites, language, and the rules in use. Every change saves at once to sync
 *  storage, and changes made elsewhere (another window muting a site) show up here live. What an organisation's
 *  policy sets is shown as set, read-only, with a sentence saying so. */
export function Options({ initial }: { initial: Settings }) {
  const t = useT();
  const writer = useSettingsWriter(initial);
  const own = writer.own;
  const [inForce, setInForce] = useState<PolicyInForce>(NO_POLICY);
  const [rules, setRules] = useState<RulesSummary | null>(null);
  const [status, setStatus] = useState('');
  const settings = settingsUnderPolicy(own, inForce.policy);
  const locked = new Set(lockedSettings(inForce.policy));
  const orgMuted = new Set(inForce.policy.mutedSites ?? []);

  useEffect(() => {
    void loadPolicy().then(setInForce);
    browser.runtime
      .sendMessage({ type: 'rules-info' } satisfies Request)
      .then((summary) => setRules(summary as RulesSummary))
      .catch(() => setRules(null));
    const onChanged = (_changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'managed') void loadPolicy().then(setInForce);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const save = async (change: SettingsChange, reload = false) => {
    try {
      await writer.save(change);
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
      <PolicyProblems problems={inForce.problems} />

      <InterruptChoice value={settings.interruptFrom} locked={locked.has('interruptFrom')} save={save} />

      <h2 id="place-heading">{t('place_heading')}</h2>
      <label class="stacked" for="place">
        {t('place_label')}
      </label>
      <PlacePicker
        id="place"
        value={settings.country}
        language={languageCode(settings.language)}
        describedBy="place-help place-regions"
        disabled={locked.has('country')}
        onChange={(country) => void save((current) => ({ ...current, country }))}
      />
      {locked.has('country') && <PolicyNote />}
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
              {orgMuted.has(key) ? (
                <span class="muted">{t('policy_muted_site')}</span>
              ) : (
                <button type="button" onClick={() => void save((current) => ({ ...current, mutedSites: current.mutedSites.filter((k) => k !== key) }))}>
                  {t('options_unmute', [nameOf(key)])}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2 id="clean-heading">{t('options_clean_heading')}</h2>
      <AlwaysChoice
        field="alwaysClean"
        checked={settings.alwaysClean}
        locked={locked.has('alwaysClean')}
        save={save}
        label={t('options_always_clean')}
        help={t('options_always_clean_help')}
        helpId="clean-help"
      />

      <ReservationSection settings={settings} locked={locked} save={save} />

      <h2 id="language-heading">{t('options_language_heading')}</h2>
      <select
        aria-labelledby="language-heading"
        value={settings.language}
        onChange={(event) => {
          const language = (event.currentTarget as HTMLSelectElement).value as LanguageChoice;
          void save((current) => ({ ...current, language }), true);
        }}
      >
        {LANGUAGE_SETTINGS.map((language) => (
          <option key={language} value={language}>
            {t(`options_language_${language}`)}
          </option>
        ))}
      </select>

      <SettingsTransfer own={own} onImport={(imported) => save(() => imported, imported.language !== own.language)} />

      <RulesSection settings={settings} locked={locked.has('rulesUrl')} onRulesUrl={(rulesUrl) => save((current) => ({ ...current, rulesUrl }))} />
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}
