/** Applies the per-browser differences to the single manifest.json source. */
export type Target = 'chrome' | 'firefox';

type Manifest = { background?: { service_worker?: string; scripts?: string[]; type?: string }; browser_specific_settings?: unknown; minimum_chrome_version?: string };

/** The oldest Firefox the extension supports (ESR 140: data_collection_permissions needs it). */
export const FIREFOX_MIN = '140.0';

export const GECKO_ID = 'followup@followup.invalid';

export function manifestFor<M extends Manifest>(source: M, target: Target): M {
  const manifest: M = structuredClone(source);
  if (target === 'firefox') {
    // Firefox MV3 runs an event page (background.scripts), not a service worker.
    const worker = manifest.background?.service_worker;
    manifest.background = { scripts: worker ? [worker] : [], type: 'module' };
    delete manifest.minimum_chrome_version;
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        // data_collection_permissions needs Firefox 140 (Android 142); a lower
        // minimum makes `web-ext lint` warn, and ESR 140 is the oldest supported ESR.
        strict_min_version: FIREFOX_MIN,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest;
}
