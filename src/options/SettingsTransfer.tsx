import { useRef, useState } from 'preact/hooks';
import { MAX_SETTINGS_FILE_BYTES, readSettingsFile, settingsFile } from '../core/settings-file';
import type { Settings } from '../core/settings';
import { useT } from '../ui/i18n-context';

/**
 * Export and import of the person's own settings as a JSON file, to keep them or take them to another browser. An
 * import that is wrong in any way changes nothing and lists what is wrong; choices an organisation's policy sets stay
 * as the policy says, whatever the file holds.
 */
export function SettingsTransfer({ own, onImport }: { own: Settings; onImport: (settings: Settings) => Promise<void> }) {
  const t = useT();
  const chooser = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; problems?: string[] } | null>(null);

  const exportFile = () => {
    const blob = new Blob([settingsFile(own, new Date())], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'afterlife-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_SETTINGS_FILE_BYTES) {
      setMessage({ kind: 'error', text: t('options_import_failed'), problems: [t('options_import_too_large')] });
      return;
    }
    const result = readSettingsFile(await file.text());
    if (!result.ok) {
      setMessage({ kind: 'error', text: t('options_import_failed'), problems: result.problems });
      return;
    }
    await onImport(result.settings);
    setMessage({ kind: 'ok', text: t('options_imported', [file.name]) });
  };

  return (
    <section aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('options_transfer_heading')}</h2>
      <p id="transfer-help" class="help">
        {t('options_transfer_help')}
      </p>
      <p class="row">
        <button type="button" aria-describedby="transfer-help" onClick={exportFile}>
          {t('options_export')}
        </button>
        <button type="button" aria-describedby="transfer-help" onClick={() => chooser.current?.click()}>
          {t('options_import')}
        </button>
        <input
          ref={chooser}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="import-file"
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            void importFile(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </p>
      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind === 'error' ? 'error' : 'note'} data-testid="import-result">
          <p>{message.text}</p>
          {message.problems && (
            <ul>
              {message.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
