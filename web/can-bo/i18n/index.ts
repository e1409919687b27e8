import { createTranslator } from '../../lib/i18n';
import { vi } from './vi';

/** The staff app's own dictionary (kept out of the citizen bundle): `ts('staff.inbox.title')`. */
export const ts = createTranslator(vi, () => import('./en').then((m) => m.en));
export type StaffKey = keyof typeof vi;
