/**
 * The live pressing-words check in a mail frame. Only the engine (toneChecker)
 * is bundled here; the rule table comes from the background once per frame
 * (the toneRules message), which keeps ~7 KB gzip out of every Gmail and
 * Outlook frame. Until the table arrives the check finds nothing; `loadTone`
 * resolves when it has, so callers re-check then.
 */
import { toneChecker, type ToneFinding, type ToneTable } from '../domain/tone';
import { send } from './client';

let checker: ((text: string) => ToneFinding[]) | undefined;
let loading: Promise<void> | undefined;

const isStrings = (x: unknown, min: number, max: number): boolean =>
  Array.isArray(x) && x.length >= min && x.length <= max && x.every((s) => typeof s === 'string');

/** The answer crossed a boundary: accept only the table's shape (the engine compiles the strings). */
export function isToneTable(x: unknown): x is ToneTable {
  if (!x || typeof x !== 'object') return false;
  const { rules, why } = x as { rules?: unknown; why?: unknown };
  if (!rules || typeof rules !== 'object' || !why || typeof why !== 'object') return false;
  return (
    Object.values(rules).every((list) => Array.isArray(list) && list.every((r) => isStrings(r, 2, 3))) &&
    Object.values(why).every((s) => typeof s === 'string')
  );
}

/** Fetches and compiles the rules once; a failed load is retried on the next call. */
export function loadTone(): Promise<void> {
  return (loading ??= send('toneRules', {}).then(
    (r) => {
      if (!r?.ok || !isToneTable(r.table)) throw new Error('The tone rules could not be read');
      checker = toneChecker(r.table);
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/** True once the rules are compiled. */
export const toneReady = (): boolean => !!checker;

/** Findings in `text`, or none while the rules are still on their way. */
export const checkTone = (text: string): ToneFinding[] => (checker ? checker(text) : []);

/** For tests: forget the loaded rules. */
export function resetTone(): void {
  checker = undefined;
  loading = undefined;
}
