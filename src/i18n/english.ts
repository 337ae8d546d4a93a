// Msg → English text outside the page (unit tests, Node scripts): its own i18next instance, no React.
import { createInstance } from 'i18next';
import type { Msg } from '../model/msg';
import { en } from './en';
import { translate } from './translate';
import { zhCN } from './zhCN';

const instance = createInstance();
void instance.init({
  lng: 'en',
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

export const english = (m: Msg): string => translate(instance.getFixedT('en'), m);
export const chinese = (m: Msg): string => translate(instance.getFixedT('zh-CN'), m);
/** True when the catalogue has the key (instead of falling back to the key itself). */
export const hasKey = (key: string, lng: 'en' | 'zh-CN' = 'en') => instance.exists(key, { lng });
