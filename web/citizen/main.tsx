import { render } from 'preact';
import '../ui/base.css';
import { initI18n } from '../lib/i18n';
import { CitizenApp } from './app';

void initI18n().then(() => render(<CitizenApp />, document.getElementById('app')!));
