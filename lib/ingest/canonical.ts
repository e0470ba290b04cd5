/**
 * Canonical URLs in comparable form: the key that tells ingest two inputs are
 * the same article (a page fetched again, the same story saved as a file with
 * its URL in the front matter, a feed item). Pure.
 */

/** Query parameters that track a click rather than name a page. */
const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|smid|ref_src)$/i;

/**
 * The comparable form of an article URL: https and http alike, host in lower
 * case without `www.`, no default port, no fragment, no tracking parameters,
 * remaining parameters sorted, no trailing slash. Null when `url` is not an
 * absolute http(s) URL, or names a site's front page (`/`, `/index.html`):
 * sites that point every page's canonical link at their front page must not
 * make all their articles revisions of one another.
 */
export function canonicalKey(url: string | null | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, "");
  if (!host) return null;
  const path = u.pathname.replace(/\/+$/, "");
  if (path === "" || /^\/(index|default)\.\w+$/i.test(path)) return null;
  const params = [...u.searchParams].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const query = params.length ? "?" + new URLSearchParams(params).toString() : "";
  const port = u.port ? `:${u.port}` : "";
  return `${host}${port}${path}${query}`;
}
