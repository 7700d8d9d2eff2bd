/**
 * What the pages need from the background: the typed `send`, the state and
 * its changes. The extension implements it in src/shared/connection.ts; tests
 * run the same pages over the real background on in-memory storage
 * (test/support/test-connection.ts).
 */
export type { Connection } from '../shared/connection';
export type { AppState } from '../shared/state';
