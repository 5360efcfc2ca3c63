import { describe, expect, it } from 'vitest';
import enUS from './en-US';
import zhCN from './zh-CN';

// Plural forms differ by language (English has _one/_other, Chinese only _other).
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key.replace(PLURAL_SUFFIX, '')}`],
  );
}

describe('translations', () => {
  it('zh-CN and en-US have the same keys', () => {
    const zh = new Set(keys(zhCN));
    const en = new Set(keys(enUS));
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
  });

  it('has no empty strings', () => {
    const empty = (tree: object): boolean => Object.values(tree).some((v) => (typeof v === 'string' ? v.trim() === '' : empty(v)));
    expect(empty(zhCN)).toBe(false);
    expect(empty(enUS)).toBe(false);
  });

  it('every plural key has an "other" form in both languages', () => {
    for (const tree of [zhCN, enUS]) {
      const all = JSON.stringify(tree);
      for (const match of all.matchAll(/"(\w+)_one"/g)) expect(all).toContain(`"${match[1]}_other"`);
    }
  });
});
