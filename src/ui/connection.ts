/**
 * What the pages need from the background: the typed `send`, the state and
 * its changes. The extension implements it in src/shared/connection.ts; tests
 * and screenshots use src/ui/fake-connection.ts.
 */
export type { Connection } from '../shared/connection';
export type { AppState } from '../shared/state';
