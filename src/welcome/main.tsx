import { render } from 'preact';
import { languageCode, translatorFor } from '../shared/i18n';
import { TranslateContext } from '../ui/i18n-context';
import { loadSettings } from '../ui/load-settings';
import { Welcome } from './Welcome';

async function start(): Promise<void> {
  const settings = await loadSettings();
  const translate = translatorFor(settings.language);
  document.documentElement.lang = languageCode(settings.language);
  document.title = translate('welcome_title');
  const app = document.getElementById('app');
  if (!app) return;
  render(
    <TranslateContext.Provider value={translate}>
      <Welcome initial={settings} />
    </TranslateContext.Provider>,
    app,
  );
}

void start();
