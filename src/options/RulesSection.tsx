import { useEffect, useState } from 'preact/hooks';
import { isUpdateUrl, type Settings } from '../core/settings';
import browser from '../shared/ext';
import type { Request, RulesSummary, UpdateStatus } from '../shared/protocol';
import { useT } from '../ui/i18n-context';
import type { Translate } from '../shared/i18n';
import { PolicyNote } from '../ui/PolicyNotes';

/** The outcome of an update check as a plain sentence: what happened, why, and which rules are in use. */
export function describeStatus(status: UpdateStatus, t: Translate): string {
  const reason = t(`update_reason_${status.reason.replace(/-/g, '_')}`, [status.detail]);
  switch (status.outcome) {
    case 'updated':
      return t('update_updated', [status.detail]);
    case 'current':
      return `${t('update_current')} ${reason}`;
    case 'off':
      return reason;
    default:
      return `${reason} ${t('update_kept', [status.version ?? ''])}`;
  }
}

export function RulesSection({ settings, locked, onRulesUrl }: { settings: Settings; locked: boolean; onRulesUrl(url: string): Promise<void> }) {
  const t = useT();
  const [summary, setSummary] = useState<RulesSummary | null>(null);
  const [checking, setChecking] = useState(false);
  const [url, setUrl] = useState(settings.rulesUrl);
  // The address a policy sets arrives after the first render.
  useEffect(() => setUrl(settings.rulesUrl), [settings.rulesUrl]);
  const [urlError, setUrlError] = useState('');

  const load = (request: Request) =>
    browser.runtime
      .sendMessage(request)
      .then((result) => setSummary(result as RulesSummary))
      .catch(() => setSummary(null));
  useEffect(() => {
    void load({ type: 'rules-info' });
  }, []);

  const checkNow = async () => {
    setChecking(true);
    await load({ type: 'check-rules-now' });
    setChecking(false);
  };
  const saveUrl = async (event: Event) => {
    event.preventDefault();
    const trimmed = url.trim();
    if (trimmed && !isUpdateUrl(trimmed)) {
      setUrlError(t('options_update_url_invalid'));
      return;
    }
    setUrlError('');
    await onRulesUrl(trimmed);
    await load({ type: 'rules-info' });
  };

  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t('options_rules_heading')}</h2>
      {summary && (
        <>
          <p data-testid="rules-info">
            {t('options_rules_text', [
              summary.version,
              summary.created,
              t(summary.origin === 'bundled' ? 'rules_origin_bundled' : 'rules_origin_update'),
              summary.siteCount,
              summary.datasetCount,
            ])}
          </p>
          <p data-testid="last-check" aria-live="polite">
            {summary.lastCheck
              ? t('options_last_check', [new Date(summary.lastCheck.checkedAt).toLocaleString(), describeStatus(summary.lastCheck, t)])
              : t('options_never_checked')}
          </p>
        </>
      )}
      <p>
        <button type="button" onClick={() => void checkNow()} disabled={checking}>
          {checking ? t('options_checking') : t('options_check_now')}
        </button>
      </p>
      <form onSubmit={(event) => void saveUrl(event)}>
        <fieldset class="plain" disabled={locked}>
        <label for="rules-url" class="stacked">
          {t('options_update_url')}
        </label>
        <p id="rules-url-help" class="help">
          {t('options_update_url_help')} {summary && !summary.updateUrl && t('options_update_url_none')}
        </p>
        <div class="row">
          <input
            id="rules-url"
            type="url"
            value={url}
            placeholder={summary?.updateUrl || 'https://'}
            aria-describedby="rules-url-help rules-url-error"
            aria-invalid={urlError ? 'true' : 'false'}
            onInput={(event) => setUrl((event.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">{t('options_update_url_save')}</button>
        </div>
        {locked && <PolicyNote />}
        </fieldset>
        <p id="rules-url-error" class="error" role="alert">
          {urlError}
        </p>
      </form>
    </section>
  );
}
