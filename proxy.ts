/**
 * Next's request proxy (runs before every page, route handler, server action
 * and static file): refuses requests whose Host is not one this server was
 * meant to serve (DNS rebinding). The policy lives in app/lib/hosts.ts.
 */
import { NextResponse, type NextRequest } from "next/server";
import { ALLOWED_HOSTS_ENV, checkRequestHost, hostPolicy } from "./app/lib/hosts";

export function proxy(request: NextRequest): NextResponse | undefined {
  const policy = hostPolicy({ PORT: process.env.PORT, [ALLOWED_HOSTS_ENV]: process.env[ALLOWED_HOSTS_ENV] });
  const verdict = checkRequestHost(policy, {
    method: request.method,
    host: request.headers.get("host"),
    forwardedHost: request.headers.get("x-forwarded-host"),
    origin: request.headers.get("origin"),
  });
  if (verdict.ok) return undefined;
  return new NextResponse(`${verdict.reason}\n`, { status: verdict.status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
