import { render } from 'preact';
import '../ui/base.css';
import './field.css';
import { initI18n } from '../lib/i18n';
import { FieldApp } from './app';
import { registerServiceWorker } from './register-sw';
import { loadSession } from './store/session';

// Not 'field': base.css uses .field for a form field's wrapper.
document.body.classList.add('field-app');
void initI18n().then(() => {
  render(<FieldApp />, document.getElementById('app')!);
  void loadSession();
});
registerServiceWorker();
