/**
 * Next's request proxy (runs before every page, route handler, server action
 * and static file):
 * - refuses requests whose Host is not one this server was meant to serve
 *   (DNS rebinding; the policy lives in app/lib/hosts.ts);
 * - sends a page request without a session cookie to the sign-in page (the
 *   pages check the session itself: app/lib/page-user.ts; actions and route
 *   handlers check it through app/lib/action.ts);
 * - drops a client-sent X-Forwarded-For unless PARALLAX_TRUST_PROXY=1, so the
 *   sign-in rate limit counts the real client address;
 * - puts the security headers (nonce-based CSP, frame-ancestors 'none',
 *   nosniff, Referrer-Policy) on every response.
 */
import { NextResponse, type NextRequest } from "next/server";
import { ALLOWED_HOSTS_ENV, checkRequestHost, hostPolicy, TRUST_PROXY_ENV } from "./app/lib/hosts";
import { needsSignIn, NEXT_PARAM, securityHeaders, SIGN_IN_PATH } from "./app/lib/security";

/** better-auth's session cookie (db/auth.ts sets the "parallax" prefix; "__Secure-" on https). */
const SESSION_COOKIES = ["parallax.session_token", "__Secure-parallax.session_token"];

function withHeaders(res: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const security = securityHeaders(nonce, { dev: process.env.NODE_ENV === "development" });

  const policy = hostPolicy({ PORT: process.env.PORT, [ALLOWED_HOSTS_ENV]: process.env[ALLOWED_HOSTS_ENV] });
  const verdict = checkRequestHost(policy, {
    method: request.method,
    host: request.headers.get("host"),
    forwardedHost: request.headers.get("x-forwarded-host"),
    origin: request.headers.get("origin"),
  });
  if (!verdict.ok) {
    const res = new NextResponse(`${verdict.reason}\n`, { status: verdict.status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
    return withHeaders(res, security);
  }

  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && needsSignIn({ pathname: request.nextUrl.pathname, isServerAction: request.headers.has("next-action") })) {
    const target = request.nextUrl.clone();
    target.pathname = SIGN_IN_PATH;
    target.search = "";
    target.searchParams.set(NEXT_PARAM, request.nextUrl.pathname + request.nextUrl.search);
    return withHeaders(NextResponse.redirect(target, 303), security);
  }

  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", security["content-security-policy"]);
  requestHeaders.set("x-nonce", nonce);
  if (process.env[TRUST_PROXY_ENV] !== "1") {
    requestHeaders.delete("x-forwarded-for");
    requestHeaders.delete("x-real-ip");
  }
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), security);
}
