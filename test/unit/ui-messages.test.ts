/** Every UI string the pages and notifications show comes from messages.json, and every entry there is well-formed. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALIDATION_MESSAGES } from '../../src/domain/model';
import { setFallbackMessages, type Messages } from '../../src/shared/i18n';
import { CALL_TIPS } from '../../src/domain/call-card';
import { issueText } from '../../src/ui/problem-text';

const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}
const UI = ['src/ui', 'src/popup', 'src/options', 'src/reminder', 'src/background', 'src/content', 'src/shared'].flatMap(files).filter((f) => /\.tsx?$/.test(f));

describe('UI messages', () => {
  it('every t() key used by the pages exists', () => {
    const used = new Set<string>();
    for (const f of UI) for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !(k in messages))).toEqual([]);
  });

  it('every placeholder in a message is defined, and every definition is used', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const named = new Set(Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase()));
      const inText = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()));
      expect([...inText].filter((n) => !named.has(n)), key).toEqual([]);
      expect([...named].filter((n) => !inText.has(n)), key).toEqual([]);
    }
  });

  it('has no stray $ (Chrome shows it literally): only $NAME$ placeholders, $$ and, inside placeholders, $1…$9', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.message.replace(/\$[A-Za-z0-9_@]+\$|\$\$/g, ''), key).not.toContain('$');
      for (const p of Object.values(entry.placeholders ?? {})) expect(p.content, key).toMatch(/^\$[1-9]$/);
    }
  });

  it('keeps the visible labels the contract names', () => {
    const labels = ['Company', 'Role', 'Interview date and time', 'Interviewer name', 'Interviewer email', 'Decision expected by', 'They invited me to call', 'In my field, people usually follow up by phone', 'I have other offers', 'Topic we discussed', 'Notes', 'Save interview'];
    const values = new Set(Object.values(messages).map((m) => m.message));
    expect(labels.filter((l) => !values.has(l))).toEqual([]);
  });

  it('has every validation message of the domain, word for word, under v_<code>', () => {
    for (const [code, text] of Object.entries(VALIDATION_MESSAGES)) expect(messages[`v_${code}`]?.message, code).toBe(text);
  });

  it('has every call tip of the domain, word for word, under call_tip_<code>', () => {
    for (const [code, text] of Object.entries(CALL_TIPS)) expect(messages[`call_tip_${code}`]?.message, code).toBe(text);
  });

  it('shows a validation code through the i18n table, and a problem code as its own message', () => {
    try {
      setFallbackMessages({ ...messages, v_companyIsMissing: { message: 'Il manque le nom de l’entreprise' } });
      expect(issueText({ code: 'companyIsMissing' })).toBe('Il manque le nom de l’entreprise');
      expect(issueText({ code: 'notFound' })).toBe('That interview no longer exists.');
    } finally {
      setFallbackMessages(messages as Messages);
    }
  });

  it('has no "(s)" plurals: each count has its forms, chosen with Intl.PluralRules', () => {
    expect(Object.entries(messages).filter(([, e]) => /\(s\)/.test(e.message)).map(([k]) => k)).toEqual([]);
    for (const key of Object.keys(messages).filter((k) => k.endsWith('_one'))) expect(messages[key.replace(/_one$/, '_other')], key).toBeDefined();
  });
});
