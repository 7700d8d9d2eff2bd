import type { Plugin } from 'vite';

/**
 * Preact supports `dangerouslySetInnerHTML` by assigning `innerHTML`. This
 * product never builds DOM from HTML strings (webmail pages enforce Trusted
 * Types, and AMO flags the sink), so the one assignment is replaced by an
 * error. The build fails if Preact's code changes shape, so an upgrade is
 * noticed rather than silently shipping the sink again.
 */
const SINK = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;

export function noHtmlSinks(): Plugin {
  return {
    name: 'followup:no-html-sinks',
    enforce: 'pre',
    transform(code, id) {
      if (!/node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs/.test(id)) return null;
      const replaced = code.replace(SINK, '(()=>{throw Error("dangerouslySetInnerHTML is disabled in FollowUp")})()');
      if (replaced === code) this.error('followup:no-html-sinks found no innerHTML assignment in preact; review the plugin');
      return { code: replaced, map: null };
    },
  };
}
