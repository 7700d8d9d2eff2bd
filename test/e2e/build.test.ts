import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './harness';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

describe.each(Object.entries(DIST))('built extension for %s', (_name, dist) => {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const scripts = files(dist).filter((f) => f.endsWith('.js'));

  it('asks for no permission beyond storage, alarms, notifications and the mail hosts', () => {
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(manifest.host_permissions.every((h: string) => /^https:\/\/(mail\.google\.com|outlook\.(live|office|office365)\.com|outlook\.cloud\.microsoft)\/\*$/.test(h))).toBe(true);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('ships no remote code and no HTML-string sinks', () => {
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.toMatch(/https?:\/\/[^"'`\s]*\.js\b/);
      expect(code, file).not.toMatch(/\.innerHTML\s*=|insertAdjacentHTML|\beval\(|new Function\(/);
    }
  });

  it('references only files that exist', () => {
    const referenced = [
      ...Object.values(manifest.icons as Record<string, string>),
      manifest.action.default_popup,
      manifest.options_ui.page,
      ...manifest.content_scripts.flatMap((c: { js: string[] }) => c.js),
      ...(manifest.background.scripts ?? [manifest.background.service_worker]),
    ];
    for (const path of referenced) expect(statSync(join(dist, path)).isFile(), path).toBe(true);
  });
});
