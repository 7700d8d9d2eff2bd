import '../ui/theme.css';
import { render } from 'preact';
import { extensionConnection } from '../shared/connection';
import { uiLanguage } from '../shared/i18n';
import { OptionsApp } from './OptionsApp';

document.documentElement.lang = uiLanguage();
render(<OptionsApp connection={extensionConnection()} />, document.getElementById('app')!);
