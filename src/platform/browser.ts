/**
 * The only import of webextension-polyfill. Chrome now ships a native
 * `browser` namespace and the polyfill becomes a no-op there; keeping it in
 * one module means it can be dropped in one place.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Storage, Alarms, Notifications, Tabs } from 'webextension-polyfill';
export { browser };
