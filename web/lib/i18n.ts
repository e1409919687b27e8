import { useListeners } from './use-listeners';

/**
 * Vietnamese first, English second. The Vietnamese dictionary ships in each bundle; English is a separate chunk
 * loaded only when chosen. The choice is kept on the device (localStorage) and set on <html lang> so screen
 * readers read the page in the right language.
 */
export type Lang = 'vi' | 'en';
export type Params = Record<string, string | number>;
export interface Bilingual { vi: string; en: string }

const STORAGE_KEY = 'xaso.lang';
const listeners = new Set<() => void>();
const loaders: (() => Promise<void>)[] = [];
let current: Lang = readStoredLang();

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function getLang(): Lang {
  return current;
}

export async function setLang(lang: Lang): Promise<void> {
  if (lang === 'en') await Promise.all(loaders.map((load) => load()));
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = lang;
  listeners.forEach((fn) => fn());
}

/** Call once before the first render: loads English if it was the stored choice. */
export async function initI18n(): Promise<void> {
  await setLang(current);
}

/** Re-renders the calling component when the language changes; returns the current language. */
export function useLang(): Lang {
  useListeners(listeners);
  return current;
}

export function interpolate(text: string, params?: Params): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text;
}

/** A translator over one dictionary pair; each app may have its own (web/i18n is the shared + citizen one). */
export function createTranslator<V extends Record<string, string>>(vi: V, loadEn: () => Promise<{ [K in keyof V]: string }>) {
  let en: { [K in keyof V]: string } | undefined;
  loaders.push(async () => {
    en ??= await loadEn();
  });
  return function t(key: keyof V & string, params?: Params): string {
    const text = (current === 'en' && en ? en[key] : undefined) ?? vi[key] ?? key;
    return interpolate(text, params);
  };
}

/** Picks the current language of a { vi, en } pair (server error messages, labels from the API). */
export function pick(text: Bilingual | undefined | null): string {
  if (!text) return '';
  return current === 'en' ? text.en || text.vi : text.vi;
}
