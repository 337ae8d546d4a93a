// i18next set up once for the page: English and Simplified Chinese, flat keys ("hp.learningRate"), no
// key/namespace separators so keys read like the UI contract. The language comes from the URL, else the
// choice remembered in this browser, else the browser's own languages (languages.ts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { detectLanguage, isLanguage, type Language } from './languages';
import { zhCN } from './zhCN';

const STORAGE_KEY = 'mnist-playground.language';

export function rememberedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null; // storage blocked: the browser language decides
  }
}

export function initialLanguage(fromUrl: Language | null): Language {
  return (
    fromUrl ??
    rememberedLanguage() ??
    detectLanguage(navigator.languages?.length ? navigator.languages : [navigator.language])
  );
}

export async function setLanguage(l: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // not remembered; the URL still carries it
  }
  document.documentElement.lang = l;
  await i18next.changeLanguage(l);
}

export function initI18n(l: Language) {
  document.documentElement.lang = l;
  return i18next.use(initReactI18next).init({
    lng: l,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false, // resources are bundled: ready before the first render
  });
}

export { i18next };
