/**
 * The dashboard's side of sign-in: the better-auth instance for the server's
 * database and allowed hosts, and the signed-in user of the current request.
 */
import { headers } from "next/headers";
import { getAuth, type Auth, type AuthSettings, DEFAULT_SIGN_IN_LIMIT, type SignInLimit } from "../../db/auth";
import { getDb } from "../../db/client";
import { isRole, type Role } from "../../lib/auth/roles";
import { ALLOWED_HOSTS_ENV, allowedHostPatterns, hostPolicy } from "./hosts";

/** Environment variable for the sign-in rate limit: `attempts/seconds` per client address (default 5/60). */
export const SIGN_IN_LIMIT_ENV = "PARALLAX_SIGN_IN_LIMIT";

/** Environment variable: "1" when browsers reach the server over HTTPS, so the session cookie is marked Secure. */
export const SECURE_COOKIES_ENV = "PARALLAX_SECURE_COOKIES";

/** Parses `attempts/seconds`; throws on a malformed value (a deployment typo must not silently lift the limit). */
export function parseSignInLimit(value: string | undefined): SignInLimit {
  if (!value?.trim()) return DEFAULT_SIGN_IN_LIMIT;
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new Error(`${SIGN_IN_LIMIT_ENV}: "${value}" is not attempts/seconds (for example 5/60)`);
  return { max: Number(m[1]), windowSeconds: Number(m[2]) };
}

/** Auth settings from the server's environment: the allowed hosts (app/lib/hosts.ts) and the sign-in limit. */
export function authSettingsFromEnv(env: Record<string, string | undefined>): AuthSettings {
  const policy = hostPolicy({ PORT: env.PORT, [ALLOWED_HOSTS_ENV]: env[ALLOWED_HOSTS_ENV] });
  return { baseURL: { allowedHosts: allowedHostPatterns(policy) }, signInLimit: parseSignInLimit(env[SIGN_IN_LIMIT_ENV]), secureCookies: env[SECURE_COOKIES_ENV] === "1" };
}

/** The server's better-auth instance for reading sessions and for its HTTP endpoints: it never writes cookies through Next. */
export async function appAuth(): Promise<Auth> {
  return getAuth(await getDb(), authSettingsFromEnv(process.env));
}

/** The instance for server actions that change the session cookie (sign out, change password). */
export async function cookieWritingAuth(): Promise<Auth> {
  return getAuth(await getDb(), { ...authSettingsFromEnv(process.env), nextCookies: true });
}

/** The person behind a request. */
export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  /** null when the stored role is not one Parallax knows: such a user may do nothing. */
  role: Role | null;
}

/**
 * The signed-in user of this request (from its session cookie), or null when
 * signed out, the session expired or was ended, or the account is disabled.
 */
export async function currentUser(requestHeaders?: Headers): Promise<SignedInUser | null> {
  const h = requestHeaders ?? new Headers(await headers());
  const session = await (await appAuth()).api.getSession({ headers: h });
  if (!session) return null;
  const u = session.user as typeof session.user & { role?: string | null; banned?: boolean | null };
  if (u.banned) return null;
  return { id: u.id, name: u.name, email: u.email, role: isRole(u.role) ? u.role : null };
}
