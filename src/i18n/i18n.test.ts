import { describe, expect, it } from 'vitest';
import { LESSONS } from '../model/lessons';
import { LAYER_KINDS } from '../model/layers';
import { PRESETS } from '../model/presets';
import { en } from './en';
import { chinese, english, hasKey } from './english';
import { detectLanguage } from './languages';
import { zhCN } from './zhCN';

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Every source file's text, gathered by Vite at test time (no Node APIs in src/). */
const SOURCES = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('English and Chinese catalogues', () => {
  it('have the same keys and the same {{values}} in every message', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en))
      expect(placeholders(zhCN[k as keyof typeof en]), k).toEqual(placeholders(v));
  });

  it('translate every message (no Chinese entry is left in English)', () => {
    // Entries that are only values or technical names may be equal in both languages.
    const same = Object.keys(en).filter((k) => en[k as keyof typeof en] === zhCN[k as keyof typeof en]);
    for (const k of same) expect(en[k as keyof typeof en].replace(/\{\{\w+\}\}|L2|→|\s|[(),.:;]/g, ''), k).toBe('');
  });

  it('have every key the source code asks for by name', () => {
    const used = new Set<string>();
    for (const text of Object.values(SOURCES)) {
      for (const m of text.matchAll(/\b(?:t|msg|note|text|bad)\(\s*'([a-zA-Z]+\.[\w.-]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(150);
    for (const k of used) expect(hasKey(k), k).toBe(true);
  });

  it('name every preset, lesson and layer kind in both languages', () => {
    const keys = [
      ...PRESETS.flatMap((p) => [`preset.${p.id}.name`, `preset.${p.id}.blurb`]),
      ...LESSONS.flatMap((l) => [`lesson.${l.id}.title`, `lesson.${l.id}.text`]),
      ...LAYER_KINDS.map((k) => `kind.${k}`),
    ];
    for (const k of keys) {
      expect(hasKey(k, 'en'), k).toBe(true);
      expect(hasKey(k, 'zh-CN'), k).toBe(true);
    }
  });

  it('nest messages: a layer problem inside the layer sentence', () => {
    const m = { key: 'problem.layer', values: { n: 2, problem: { key: 'problem.badRate' } } };
    expect(english(m)).toBe('Layer 2: Dropout rate must be at least 0 and less than 1.');
    expect(chinese(m)).toBe('第 2 层：Dropout 比率必须不小于 0 且小于 1。');
  });
});

describe('first-visit language', () => {
  it('follows the browser: any Chinese variant gives zh-CN, English or anything else gives en', () => {
    expect(detectLanguage(['zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLanguage(['zh-TW'])).toBe('zh-CN');
    expect(detectLanguage(['de-DE', 'zh'])).toBe('zh-CN');
    expect(detectLanguage(['en-GB', 'zh-CN'])).toBe('en');
    expect(detectLanguage(['fr'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });
});
