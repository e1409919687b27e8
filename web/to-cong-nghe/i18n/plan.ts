import { createTranslator, getLang, setLang } from '../../lib/i18n';
import { planVi } from './plan-vi';

/**
 * The planning pages' words (campaigns, announcements), a dictionary of their own so they stay in those pages' lazy
 * chunk. When English was chosen before this chunk loaded, setLang runs the loaders again (this one included).
 */
export const tp = createTranslator(planVi, () => import('./plan-en').then((m) => m.planEn));
if (getLang() === 'en') void setLang('en');
