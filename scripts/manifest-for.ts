/** Applies the per-browser differences to the single manifest.json source. */
export type Target = 'chrome' | 'firefox';

type Manifest = Record<string, unknown> & { background?: Record<string, unknown> };

export const GECKO_ID = 'followup@followup.invalid';

export function manifestFor(source: Manifest, target: Target): Manifest {
  const manifest: Manifest = structuredClone(source);
  if (target === 'firefox') {
    // Firefox MV3 runs an event page (background.scripts), not a service worker.
    const worker = manifest.background?.service_worker;
    manifest.background = { scripts: [worker], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '128.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return manifest;
}
