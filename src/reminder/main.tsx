import '../ui/theme.css';
import { render } from 'preact';
import { extensionConnection } from '../shared/connection';
import { t, uiLanguage } from '../shared/i18n';
import { ReminderPage } from './ReminderPage';

document.documentElement.lang = uiLanguage();
document.title = t('reminder_pageTitle');
const id = new URLSearchParams(location.search).get('id') ?? '';
render(<ReminderPage id={id} connection={extensionConnection()} />, document.getElementById('app')!);
