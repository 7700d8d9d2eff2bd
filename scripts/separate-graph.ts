import type { Plugin } from 'vite';

/**
 * Gives one entry its own copy of every module it imports, so it shares no chunk with the
 * other entries. A shared chunk keeps every export any of its users needs (tree-shaking is per
 * module, over the whole build): shared with the background, the popup carried the
 * background's migrations, protocol schemas and English texts; shared with the options page,
 * the options page's calendar and form helpers. The popup has a budget (issue 12: at most
 * 30 KB gzip, lazy chunks included), so it and the background each get a graph of their own.
 * Each module the entry reaches is resolved with a suffix (`?background`), a distinct module
 * to the bundler; the copies never meet at run time (each page and the worker are separate realms).
 * Styles are copied too, or the entry would import a shared chunk for its CSS (and run that
 * chunk's scripts); the same CSS comes out as the same file.
 */
const SOURCE = /\.(?:[cm]?[jt]sx?|css)$/;

export function separateGraph(entry: RegExp, name: string): Plugin {
  const suffix = `?${name}`;
  return {
    name: `followup:separate-graph-${name}`,
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !(importer.endsWith(suffix) || entry.test(importer))) return null;
      const resolved = await this.resolve(source, importer.endsWith(suffix) ? importer.slice(0, -suffix.length) : importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !SOURCE.test(resolved.id)) return resolved;
      return { ...resolved, id: `${resolved.id}${suffix}` };
    },
  };
}
