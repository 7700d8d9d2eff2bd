/**
 * All UI text comes from public/_locales/<lang>/messages.json through the
 * extension's i18n API. Outside the extension (unit tests, screenshots) the
 * API is missing or throws, so a fallback table can be installed with
 * `setFallbackMessages` (test/support/test-connection.ts does it from the English file).
 *
 * Keys are typed from the English file, so a typo is a compile error.
 */
import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
type Entry = { message: string; placeholders?: Record<string, { content: string }> };
export type Messages = Record<string, Entry>;

type I18nApi = { getMessage(key: string, subs?: string | string[]): string };

/** Formats a key from the fallback table; set only where there is no i18n API (tests, previews). */
let fallback: ((key: string, subs: readonly string[]) => string | undefined) | undefined;

export function setFallbackMessages(messages: Messages | undefined): void {
  // The formatter is reached only through here, so bundles that never install a fallback (the
  // content script, with its size budget) leave it out.
  fallback = messages && ((key, subs) => (messages[key] ? formatEntry(messages[key], subs) : undefined));
}

function api(): I18nApi | undefined {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
}

/** Applies Chrome's placeholder rules: `$NAME$` → placeholder content, `$1` → substitution, `$$` → `$`. */
export function formatEntry(entry: Entry, subs: readonly string[]): string {
  const named = entry.placeholders ?? {};
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(named)) lower[k.toLowerCase()] = v.content;
  const positional = (text: string): string => text.replace(/\$(\d)/g, (_m, d: string) => subs[Number(d) - 1] ?? '');
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (m, name: string) => {
      const content = lower[name.toLowerCase()];
      return content === undefined ? m : positional(content);
    })
    .replace(/\$\$/g, '$');
}

/** The message for `key` with its substitutions, in the browser's UI language. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const strings = subs.map(String);
  try {
    const text = api()?.getMessage(key, strings);
    if (text) return text;
  } catch {
    // Not in an extension (or a test double that doesn't implement i18n): use the fallback.
  }
  return fallback?.(key, strings) ?? key;
}

/**
 * The language of the messages actually shown, for `<html lang>`: each locale's messages.json
 * names its own (`ui_lang`), which is right even when the browser's language has no translation.
 */
export function uiLanguage(): string {
  return t('ui_lang').replace(/_/g, '-');
}

/** A message with plural forms: its keys end in `_one`, `_other` (and `_few`, `_many`… where a language needs them). */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

let plurals: Intl.PluralRules | undefined;

/**
 * The form of `key` for the count `n` in the UI language (Intl.PluralRules picks one, few,
 * many, other…), with `n` as the first substitution. A form the table lacks falls back to `_other`.
 */
export function tn(key: PluralKey, n: number, ...subs: (string | number)[]): string {
  plurals ??= new Intl.PluralRules(uiLanguage());
  const form = `${key}_${plurals.select(n)}` as MessageKey;
  const text = t(form, n, ...subs);
  return text === form ? t(`${key}_other` as MessageKey, n, ...subs) : text;
}
