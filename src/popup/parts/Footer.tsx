import browser from '../../shared/ext';
import type { RulesInfo } from '../../shared/protocol';
import { useT } from '../../ui/i18n-context';

/** Which rules the explanation comes from, and the way to the settings. */
export function Footer({ rules }: { rules: RulesInfo | undefined }) {
  const t = useT();
  const openOptions = (event: Event) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage();
  };
  return (
    <footer class="footer">
      {rules && (
        <p class="muted" data-testid="rules-version">
          {t('popup_rules', [rules.version, rules.created])} · {t(rules.origin === 'bundled' ? 'rules_origin_bundled' : 'rules_origin_update')}
        </p>
      )}
      <p class="links">
        <a href={browser.runtime.getURL('src/options/index.html')} onClick={openOptions}>
          {t('popup_options')}
        </a>
        <a href={browser.runtime.getURL('src/demo/index.html')} target="_blank" rel="noopener" data-testid="demo-link">
          {t('popup_demo')}
        </a>
      </p>
    </footer>
  );
}
