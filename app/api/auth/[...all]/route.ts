/**
 * better-auth's HTTP endpoints, limited to what Parallax uses from a browser:
 * POST /api/auth/sign-in/email (rate limited per client address) and
 * POST /api/auth/sign-out. Everything else (sign-up, the admin plugin's
 * endpoints, profile updates) answers 404: accounts are managed through the
 * role-checked server actions and the user CLI only.
 */
import { AUTH_BASE_PATH } from "../../../../db/auth";
import { appAuth } from "../../../lib/auth";

export const dynamic = "force-dynamic";

/** The endpoints a browser may call (paths under AUTH_BASE_PATH). */
const OPEN_ENDPOINTS = new Set(["/sign-in/email", "/sign-out"]);

function notFound(): Response {
  return Response.json({ error: { code: "not_found", message: "No such endpoint." } }, { status: 404, headers: { "cache-control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (!path.startsWith(AUTH_BASE_PATH + "/") || !OPEN_ENDPOINTS.has(path.slice(AUTH_BASE_PATH.length))) return notFound();
  const response = await (await appAuth()).handler(request);
  const headers = new Headers(response.headers);
  headers.set("cache-control", "no-store");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export async function GET(): Promise<Response> {
  return notFound();
}
