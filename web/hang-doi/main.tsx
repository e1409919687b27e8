import { render } from 'preact';
import '../ui/base.css';
import './queue.css';
import { initI18n } from '../lib/i18n';
import { QueueApp } from './app';

void initI18n().then(() => render(<QueueApp />, document.getElementById('app')!));
