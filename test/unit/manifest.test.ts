import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FIREFOX_MIN, manifestFor } from '../../scripts/manifest-for';

const source = JSON.parse(readFileSync('manifest.json', 'utf8'));
const MAIL_HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.cloud.microsoft/*',
];

describe('manifest source', () => {
  it('asks for exactly storage, alarms and notifications, and the mail hosts', () => {
    expect([...source.permissions].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(source.host_permissions).toEqual(MAIL_HOSTS);
    expect(source.optional_permissions).toBeUndefined();
    expect(source.content_security_policy).toBeUndefined();
  });

  it('runs content scripts on the mail hosts only, in every frame for pop-out composes', () => {
    expect(source.content_scripts).toHaveLength(1);
    expect(source.content_scripts[0].matches).toEqual(MAIL_HOSTS);
    expect(source.content_scripts[0].all_frames).toBe(true);
  });

  it('has icons at 16, 32, 48 and 128 px, a popup and an options page', () => {
    expect(Object.keys(source.icons)).toEqual(['16', '32', '48', '128']);
    expect(source.action.default_popup).toMatch(/popup/);
    expect(source.options_ui.page).toMatch(/options/);
  });
});

describe('manifestFor', () => {
  it('keeps the service worker for Chrome and adds no Gecko settings', () => {
    const m = manifestFor(source, 'chrome');
    expect(m.background).toEqual(source.background);
    expect(m.browser_specific_settings).toBeUndefined();
  });

  it('turns the worker into an event page for Firefox and declares no data collection', () => {
    const m = manifestFor(source, 'firefox');
    expect(m.background).toEqual({ scripts: [source.background.service_worker], type: 'module' });
    expect(m.browser_specific_settings).toMatchObject({
      gecko: { id: expect.stringContaining('@'), data_collection_permissions: { required: ['none'] } },
    });
  });

  it('states the oldest browsers it supports, and the build targets exactly those', () => {
    expect(source.minimum_chrome_version).toMatch(/^\d+$/);
    expect(manifestFor(source, 'chrome').minimum_chrome_version).toBe(source.minimum_chrome_version);
    const firefox = manifestFor(source, 'firefox');
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect((firefox.browser_specific_settings as { gecko: { strict_min_version: string } }).gecko.strict_min_version).toBe(FIREFOX_MIN);
    const vite = readFileSync('vite.config.ts', 'utf8');
    expect(vite).toContain(`'firefox${parseInt(FIREFOX_MIN, 10)}'`);
    expect(vite).toContain(`'chrome${source.minimum_chrome_version}'`);
  });

  it('does not change its input', () => {
    const before = JSON.stringify(source);
    manifestFor(source, 'firefox');
    expect(JSON.stringify(source)).toBe(before);
  });
});
