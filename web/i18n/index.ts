import { createTranslator } from '../lib/i18n';
import { vi } from './vi';

/** The shared + citizen dictionary: `t('common.next')`. English is a separate chunk, loaded when chosen. */
export const t = createTranslator(vi, () => import('./en').then((m) => m.en));
export type MessageKey = keyof typeof vi;
