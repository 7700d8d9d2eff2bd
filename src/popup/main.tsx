import '../ui/theme.css';
import { render } from 'preact';
import { extensionConnection } from '../shared/connection';
import { uiLanguage } from '../shared/i18n';
import { PopupApp } from './PopupApp';

document.documentElement.lang = uiLanguage();
render(<PopupApp connection={extensionConnection()} />, document.getElementById('app')!);
