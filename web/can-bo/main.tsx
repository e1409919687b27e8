import { render } from 'preact';
import '../ui/base.css';
import './staff.css';
import { initI18n } from '../lib/i18n';
import { StaffApp } from './app';

document.body.classList.add('staff');
void initI18n().then(() => render(<StaffApp />, document.getElementById('app')!));
