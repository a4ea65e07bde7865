import { render } from 'preact';
import { languageCode, translatorFor } from '../shared/i18n';
import { TranslateContext } from '../ui/i18n-context';
import { loadSettings } from '../ui/load-settings';
import { Presenter } from './Presenter';

async function start(): Promise<void> {
  const settings = await loadSettings();
  const translate = translatorFor(settings.language);
  document.documentElement.lang = languageCode(settings.language);
  document.title = translate('demo_title');
  const app = document.getElementById('app');
  if (!app) return;
  render(
    <TranslateContext.Provider value={translate}>
      <Presenter />
    </TranslateContext.Provider>,
    app,
  );
}

void start();
