import { LEVELS } from '../core/levels';
import type { Settings } from '../core/settings';
import { useT } from './i18n-context';
import { PolicyNote } from './PolicyNotes';
import type { SettingsChange } from './settings-writer';

/** When to interrupt: the same control on the settings and first-run pages, read-only where a policy sets it. */
export function InterruptChoice({ value, locked, save }: { value: Settings['interruptFrom']; locked: boolean; save: (change: SettingsChange) => unknown }) {
  const t = useT();
  return (
    <fieldset aria-describedby="interrupt-help" disabled={locked}>
      <legend>{t('options_interrupt_heading')}</legend>
      <p id="interrupt-help" class="help">
        {t('options_interrupt_help')}
      </p>
      {LEVELS.map((level) => (
        <label key={level}>
          <input type="radio" name="interrupt-from" value={level} checked={value === level} onChange={() => void save((current) => ({ ...current, interruptFrom: level }))} />
          {t(`level_${level.replace('-', '_')}`)}
        </label>
      ))}
      {locked && <PolicyNote />}
    </fieldset>
  );
}

/** One of the "always" switches (clean, mark), with its help and, where a policy sets it, why it is read-only. */
export function AlwaysChoice({
  field,
  checked,
  locked,
  save,
  label,
  help,
  helpId,
}: {
  field: 'alwaysClean' | 'alwaysReserve';
  checked: boolean;
  locked: boolean;
  save: (change: SettingsChange) => unknown;
  label: string;
  help: string;
  helpId: string;
}) {
  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={checked}
          disabled={locked}
          aria-describedby={helpId}
          onChange={(event) => {
            const on = (event.currentTarget as HTMLInputElement).checked;
            void save((current) => ({ ...current, [field]: on }));
          }}
        />
        {label}
      </label>
      {locked && <PolicyNote />}
      <p id={helpId} class="help">
        {help}
      </p>
    </>
  );
}
