import '../ui/theme.css';
import { render } from 'preact';
import { extensionConnection } from '../shared/connection';
import { OptionsApp } from './OptionsApp';

render(<OptionsApp connection={extensionConnection()} />, document.getElementById('app')!);
