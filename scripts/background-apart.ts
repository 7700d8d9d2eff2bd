import type { Plugin } from 'vite';

/**
 * The background gets its own copy of every module it imports, so it shares no chunk with the
 * pages. A chunk shared by both keeps every export either side uses (tree-shaking is per
 * module, over the whole build), which put the background's migrations, protocol schemas and
 * English texts into the popup's JavaScript (issue 12: at most 30 KB gzip). Each module the
 * background reaches is resolved with a `?background` suffix, a distinct module to the bundler;
 * the two never meet at run time anyway (the service worker and the pages are separate realms).
 */
const SUFFIX = '?background';
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

export function backgroundApart(entry: RegExp): Plugin {
  return {
    name: 'followup:background-apart',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !(importer.endsWith(SUFFIX) || entry.test(importer))) return null;
      const resolved = await this.resolve(source, importer.replace(SUFFIX, ''), { ...options, skipSelf: true });
      if (!resolved || resolved.external || !SOURCE.test(resolved.id)) return resolved;
      return { ...resolved, id: `${resolved.id}${SUFFIX}` };
    },
  };
}
