/**
 * Publication dates → ISO 8601, never through the machine's time zone.
 * Date.parse reads a date-time without a zone ("2024-03-05 14:00",
 * "March 5, 2024 2:00 PM") in the local zone, so the same file would be stored
 * with a different instant on every server. Here a value without a zone is
 * read in the zone the caller names (an offset the outlet declares elsewhere
 * in its metadata) or else in UTC; a value with a zone keeps it; a date
 * without a time stays a date.
 */

/** A zone written in the value: an offset after the time (Z, ±hh:mm, ±hhmm, ±hh), or a zone name Date.parse knows. */
const HAS_ZONE = /\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?\s*)?(?:Z|[+-]\d{2}(?::?\d{2})?)(?!\d)|\b(?:UTC|UT|GMT|Z|[ECMP][SD]T)\b/i;
/** A time of day in the value. */
const HAS_TIME = /\d{1,2}:\d{2}/;
/** ISO 8601 date and optional time, read field by field. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/** A year Date.parse might otherwise invent (it reads "12" as December 2001). */
const HAS_YEAR = /(?:^|\D)\d{4}(?:\D|$)/;

/** An offset written as Z, ±hh, ±hhmm or ±hh:mm → minutes east of UTC; null when it is not one. */
export function parseOffset(text: string | null | undefined): number | null {
  if (!text) return null;
  const m = /(?:^|\d)(Z|[+-]\d{2}(?::?\d{2})?)\s*$/i.exec(text.trim());
  if (!m) return null;
  if (m[1].toUpperCase() === "Z") return 0;
  const sign = m[1][0] === "-" ? -1 : 1;
  const digits = m[1].slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  return minutes > 18 * 60 ? null : sign * minutes;
}

function isoDate(y: number, mo: number, d: number): string | null {
  const t = Date.UTC(y, mo - 1, d);
  const dt = new Date(t);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/**
 * A publication date as ISO 8601: a date without a time stays `YYYY-MM-DD`,
 * a date-time becomes a UTC timestamp. `zoneOffsetMinutes` (east of UTC) is
 * the zone a value without one is read in; default UTC. Unreadable values,
 * and values without a four-digit year, become null rather than a wrong date.
 */
export function normaliseDate(value: string | null | undefined, zoneOffsetMinutes = 0): string | null {
  if (!value) return null;
  const v = value.trim().replace(/\s+/g, " ");
  if (v.length === 0 || v.length > 100 || !HAS_YEAR.test(v)) return null;
  const iso = ISO.exec(v);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const date = isoDate(Number(y), Number(mo), Number(d));
    if (!date) return null;
    if (h == null) return date;
    if (Number(h) > 24 || Number(mi) > 59 || Number(s ?? 0) > 60) return null;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    const offset = zone ? parseOffset(zone) : zoneOffsetMinutes;
    if (offset == null) return null;
    const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms) - offset * 60_000;
    return new Date(t).toISOString();
  }
  if (HAS_ZONE.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  }
  // No zone: let Date.parse read the fields as UTC, then move by the declared offset.
  const t = Date.parse(`${v} UTC`);
  if (Number.isNaN(t)) return null;
  if (!HAS_TIME.test(v)) return new Date(t).toISOString().slice(0, 10);
  return new Date(t - zoneOffsetMinutes * 60_000).toISOString();
}
