import { render } from 'preact';
import '../ui/base.css';
import './leader.css';
import { initI18n } from '../lib/i18n';
import { LeaderApp } from './app';

document.body.classList.add('leader');
void initI18n().then(() => render(<LeaderApp />, document.getElementById('app')!));
