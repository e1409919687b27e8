import { createTranslator } from '../../lib/i18n';
import { vi } from './vi';

/** The leader dashboards' own dictionary (kept out of the citizen and staff bundles): `tl('leader.brand')`. */
export const tl = createTranslator(vi, () => import('./en').then((m) => m.en));
export type LeaderKey = keyof typeof vi;
