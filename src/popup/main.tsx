import '../ui/theme.css';
import { render } from 'preact';
import { extensionConnection } from '../shared/connection';
import { PopupApp } from './PopupApp';

render(<PopupApp connection={extensionConnection()} />, document.getElementById('app')!);
