import { mountPage } from '../ui/mount-page';
import { Options } from './Options';

void mountPage('options_title', (settings) => <Options initial={settings} />);
