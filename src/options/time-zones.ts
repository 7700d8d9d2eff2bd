/** The IANA zones to offer, and a typed place ("New York", "london") read as its zone. */

let zoneCache: string[] | undefined;
export function timeZones(): string[] {
  if (!zoneCache) {
    let zones: string[];
    try {
      zones = (Intl as unknown as { supportedValuesOf?(k: string): string[] }).supportedValuesOf?.('timeZone') ?? [];
    } catch {
      zones = [];
    }
    zoneCache = [...new Set([...zones, 'UTC'])].sort();
  }
  return zoneCache;
}

export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** How a zone reads to a person: "America/New_York" → "America/New York". */
export const zoneLabel = (zone: string): string => zone.replace(/_/g, ' ');

/**
 * The zone the user means: a zone name as it is; else a place typed as people write it
 * ("New York", "new york", "America/New York") matched to the zone of that name. Anything
 * else comes back trimmed, for the schedule's validation to refuse with its own message.
 */
export function resolveZone(typed: string): string {
  const text = typed.trim();
  const zones = timeZones();
  if (zones.includes(text)) return text;
  const key = text.toLowerCase().replace(/\s+/g, '_');
  return zones.find((z) => z.toLowerCase() === key) ?? zones.find((z) => z.toLowerCase().endsWith(`/${key}`)) ?? text;
}
