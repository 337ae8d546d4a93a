// The languages the page speaks, and the choice at first visit from the browser's preferences. Pure.

export type Language = 'en' | 'zh-CN';
export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
/** Each language named in itself, for the language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

export const isLanguage = (s: unknown): s is Language => (LANGUAGES as readonly unknown[]).includes(s);

/** The first of the browser's preferred languages that we have (any Chinese → zh-CN); English otherwise. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const p of preferred) {
    const l = p.toLowerCase();
    if (l.startsWith('zh')) return 'zh-CN';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}
