import { mountPage } from '../ui/mount-page';
import { Welcome } from './Welcome';

void mountPage('welcome_title', (settings) => <Welcome initial={settings} />);
