import { createTranslator } from '../../lib/i18n';
import { vi } from './vi';

/** The queue app's dictionary (kiosk, counter, display board). */
export const tq = createTranslator(vi, () => import('./en').then((m) => m.en));
