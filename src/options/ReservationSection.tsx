import { useState } from 'preact/hooks';
import { dataMiningMessageKey } from '../core/photo/data-mining';
import { MAX_RESERVATION_TEXT, RESERVATION_CHOICES, reservationText, type Settings } from '../core/settings';
import { useT } from '../ui/i18n-context';
import type { SettingsChange } from '../ui/settings-writer';
import { PolicyNote } from '../ui/PolicyNotes';
import { AlwaysChoice } from '../ui/SettingChoices';

/**
 * "Not for AI training": what the warning's "Mark it not for AI training" writes into a photo (the IPTC Data Mining
 * term, and the person's name and copyright line if they wish) and whether every photo is marked before the page
 * receives it. Names are saved when the field is left, not on every key.
 */
export function ReservationSection({ settings, locked, save }: { settings: Settings; locked: ReadonlySet<keyof Settings>; save: (change: SettingsChange) => Promise<void> }) {
  const t = useT();
  const [problem, setProblem] = useState<{ field: 'creator' | 'copyright'; text: string } | null>(null);
  const reservation = settings.reservation;

  const saveText = (field: 'creator' | 'copyright', raw: string) => {
    const value = reservationText(raw);
    if (raw.trim() !== '' && value === '') {
      // Keep what was typed on screen and what was saved in storage: the person fixes it, nothing is lost.
      setProblem({ field, text: t('options_reserve_text_invalid', [String(MAX_RESERVATION_TEXT)]) });
      return;
    }
    setProblem(null);
    if (value !== reservation[field]) void save((current) => ({ ...current, reservation: { ...current.reservation, [field]: value } }));
  };

  const textField = (field: 'creator' | 'copyright') => (
    <>
      <label class="stacked" for={`reserve-${field}`}>
        {t(`options_reserve_${field}`)}
      </label>
      <input
        id={`reserve-${field}`}
        type="text"
        autocomplete={field === 'creator' ? 'name' : 'off'}
        maxLength={MAX_RESERVATION_TEXT}
        value={reservation[field]}
        aria-invalid={problem?.field === field ? 'true' : undefined}
        aria-describedby={problem?.field === field ? `reserve-${field}-error reserve-names-help` : 'reserve-names-help'}
        onChange={(event) => saveText(field, (event.currentTarget as HTMLInputElement).value)}
      />
      {problem?.field === field && (
        <p id={`reserve-${field}-error`} class="error" role="alert">
          {problem.text}
        </p>
      )}
    </>
  );

  return (
    <section aria-labelledby="reserve-heading">
      <h2 id="reserve-heading">{t('options_reserve_heading')}</h2>
      <p id="reserve-help" class="help">
        {t('options_reserve_help')}
      </p>
      <fieldset aria-describedby="reserve-help" disabled={locked.has('reservation')}>
        <legend>{t('options_reserve_value')}</legend>
        {RESERVATION_CHOICES.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="reserve-value"
              value={value}
              checked={reservation.value === value}
              onChange={() => void save((current) => ({ ...current, reservation: { ...current.reservation, value } }))}
            />
            {t(dataMiningMessageKey(value))}
          </label>
        ))}
        {locked.has('reservation') && <PolicyNote />}
      </fieldset>
      {textField('creator')}
      {textField('copyright')}
      <p id="reserve-names-help" class="help">
        {t('options_reserve_names_help')}
      </p>
      <AlwaysChoice
        field="alwaysReserve"
        checked={settings.alwaysReserve}
        locked={locked.has('alwaysReserve')}
        save={save}
        label={t('options_always_reserve')}
        help={t('options_always_reserve_help')}
        helpId="always-reserve-help"
      />
    </section>
  );
}
