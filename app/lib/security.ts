/**
 * Security headers for every response, and which requests need a session.
 * Pure: proxy.ts passes the nonce, the mode and the request's parts.
 */

/** Where signed-out visitors are sent, and the query parameter that brings them back. */
export const SIGN_IN_PATH = "/sign-in";
export const NEXT_PARAM = "next";

/**
 * The Content-Security-Policy of a response. Scripts run only with this
 * request's nonce (Next puts it on its own scripts; 'strict-dynamic' lets
 * them load the chunks they need): no inline or foreign script runs. Styles
 * allow inline style attributes (React's `style={...}`), which a nonce cannot
 * cover. No framing (frame-ancestors 'none'); forms and connections stay on
 * this origin. Development adds 'unsafe-eval' for React's debugging only.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Headers every response carries. The Referrer-Policy is strict but not
 * `no-referrer`: with that, browsers send `Origin: null` on same-origin POSTs,
 * and both Next's server-action check and better-auth's CSRF check need the
 * real Origin.
 */
export function securityHeaders(nonce: string, opts: { dev: boolean }): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(nonce, opts),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  };
}

/**
 * True when a request is for a page that only a signed-in user may see: not
 * the sign-in page, not Next's assets, not an API route or a server action
 * (those answer for themselves with a JSON error or `{ ok: false, error }`).
 */
export function needsSignIn(req: { pathname: string; isServerAction: boolean }): boolean {
  const p = req.pathname;
  if (req.isServerAction) return false;
  if (p === SIGN_IN_PATH || p.startsWith(SIGN_IN_PATH + "/")) return false;
  if (p.startsWith("/_next/") || p.startsWith("/api/")) return false;
  if (p === "/favicon.ico" || p === "/icon.svg" || p === "/robots.txt") return false;
  return true;
}

/**
 * The local path to return to after signing in, from the `next` parameter:
 * only a path on this site (one leading slash, no scheme, no backslash), so
 * the sign-in page cannot be made to send anyone elsewhere.
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f]/.test(value)) return "/";
  if (value === SIGN_IN_PATH || value.startsWith(SIGN_IN_PATH + "?") || value.startsWith(SIGN_IN_PATH + "/")) return "/";
  return value;
}
