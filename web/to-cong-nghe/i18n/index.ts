import { createTranslator } from '../../lib/i18n';
import { vi } from './vi';

/** The field app's dictionary (kept out of the other apps' bundles): `tf('field.log.title')`. English is a lazy chunk. */
export const tf = createTranslator(vi, () => import('./en').then((m) => m.en));
export type FieldKey = keyof typeof vi;
