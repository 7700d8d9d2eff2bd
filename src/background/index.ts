import { browser } from '../platform/browser';

browser.runtime.onInstalled.addListener(() => {});
