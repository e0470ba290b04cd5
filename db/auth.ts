/**
 * better-auth on the Parallax database: e-mail and password sign-in (sign-up
 * closed: admins create accounts, db/users.ts), sessions stored in SQLite and
 * carried by an httpOnly SameSite=Lax cookie with an expiry, the admin plugin
 * for roles and disabling (a disabled user cannot open a session), sign-in
 * rate limiting. Telemetry stays off; nothing is fetched at run time.
 *
 * The roles given to better-auth are derived from lib/auth/roles.ts, the one
 * matrix; Parallax itself checks roles through that matrix (app/lib/action.ts).
 */
import { randomBytes } from "node:crypto";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import { eq } from "drizzle-orm";
import { actionsOf, DEFAULT_ROLE, type Role } from "../lib/auth/roles";
import type { Db } from "./client";

/** Environment variable holding the signing secret; when absent one is made once and kept in the database. */
export const AUTH_SECRET_ENV = "BETTER_AUTH_SECRET";
const SECRET_META_KEY = "auth_secret";
const MIN_SECRET_LENGTH = 32;

/** Passwords: long enough to resist guessing, short enough to hash in bounded time. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/** A session lasts a week from sign-in (not renewed by use: the cookie and the row expire together). */
export const SESSION_SECONDS = 60 * 60 * 24 * 7;

/** Where better-auth's HTTP endpoints are mounted (app/api/auth/[...all]/route.ts). */
export const AUTH_BASE_PATH = "/api/auth";

export interface SignInLimit {
  /** Attempts allowed per window, per client address. */
  max: number;
  windowSeconds: number;
}

/** Default sign-in rate limit: 5 attempts per minute per client address. */
export const DEFAULT_SIGN_IN_LIMIT: SignInLimit = { max: 5, windowSeconds: 60 };

export interface AuthSettings {
  /**
   * The server's own origin(s): a fixed URL (the CLI, which serves no request)
   * or the host patterns requests may name (`host:port`, `*` wildcards); the
   * base URL and trusted origins then follow each request's Host.
   */
  baseURL: string | { allowedHosts: string[] };
  signInLimit?: SignInLimit;
  /**
   * Mark the session cookie Secure (and name it __Secure-…): only when browsers
   * reach the server over HTTPS (a TLS proxy in front). Off by default, as the
   * server itself speaks plain HTTP and a browser drops a Secure cookie sent
   * over it from any host but localhost.
   */
  secureCookies?: boolean;
  /**
   * Write the cookies a call sets through Next's cookies() (better-auth's
   * nextCookies plugin): for server actions that sign out or change a
   * password. Off for reading the session, so a refused request never writes
   * a cookie (Next would re-render the page mid-action).
   */
  nextCookies?: boolean;
}

/**
 * The signing secret: BETTER_AUTH_SECRET when set (at least 32 characters),
 * otherwise a random one made at first use and kept in the `meta` table, so a
 * fresh clone needs no setup and sessions survive restarts.
 */
export async function authSecret(db: Db, env: Record<string, string | undefined> = process.env): Promise<string> {
  const { meta } = db.t;
  const fromEnv = env[AUTH_SECRET_ENV]?.trim();
  if (fromEnv) {
    if (fromEnv.length < MIN_SECRET_LENGTH) throw new Error(`${AUTH_SECRET_ENV} is too short (${fromEnv.length} characters, at least ${MIN_SECRET_LENGTH})`);
    return fromEnv;
  }
  // Insert-or-keep, then read: two processes starting at once end up with the same secret.
  await db.insert(meta).values({ key: SECRET_META_KEY, value: randomBytes(32).toString("base64url") }).onConflictDoNothing();
  const row = (await db.select({ value: meta.value }).from(meta).where(eq(meta.key, SECRET_META_KEY)))[0];
  if (!row?.value) throw new Error("The sign-in secret could not be stored in the meta table: this is a bug");
  return row.value;
}

/** better-auth's access control, one role per Parallax role, each allowed what the matrix allows it. */
function accessControl() {
  const ac = createAccessControl({ ...defaultStatements, parallax: actionsOf("admin") });
  const roles = {
    viewer: ac.newRole({ parallax: actionsOf("viewer") }),
    editor: ac.newRole({ parallax: actionsOf("editor") }),
    // Only admins get better-auth's own user and session statements.
    admin: ac.newRole({ ...adminAc.statements, parallax: actionsOf("admin") }),
  } satisfies Record<Role, unknown>;
  return { ac, roles };
}

function buildAuth(db: Db, settings: AuthSettings, secret: string) {
  const { user, session, account, verification } = db.t;
  const { ac, roles } = accessControl();
  const limit = settings.signInLimit ?? DEFAULT_SIGN_IN_LIMIT;
  return betterAuth({
    appName: "Parallax",
    baseURL: typeof settings.baseURL === "string" ? settings.baseURL : { allowedHosts: settings.baseURL.allowedHosts, protocol: "auto" },
    basePath: AUTH_BASE_PATH,
    secret,
    // The store's own account tables (SQLite or the Postgres mirror).
    database: drizzleAdapter(db, { provider: db.engine === "pg" ? "pg" : "sqlite", schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      revokeSessionsOnPasswordReset: true,
    },
    // No cookie cache: every request reads the session row, so deleting it (disable, new password) ends it at once.
    session: { expiresIn: SESSION_SECONDS, disableSessionRefresh: true, cookieCache: { enabled: false } },
    rateLimit: {
      enabled: true,
      storage: "memory",
      customRules: { "/sign-in/email": { max: limit.max, window: limit.windowSeconds } },
    },
    advanced: {
      cookiePrefix: "parallax",
      useSecureCookies: settings.secureCookies === true,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      // The client address for the rate limit. proxy.ts drops a client-sent X-Forwarded-For (unless a
      // deployment says a proxy of its own sets it), so Next fills it with the socket's address.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    telemetry: { enabled: false },
    plugins: [admin({ ac, roles, defaultRole: DEFAULT_ROLE, adminRoles: ["admin"], bannedUserMessage: "This account is disabled; ask an admin." }), ...(settings.nextCookies ? [nextCookies()] : [])],
  });
}

export type Auth = ReturnType<typeof buildAuth>;

const instances = new WeakMap<Db, Map<string, Promise<Auth>>>();

/** The better-auth instance for `db` and `settings` (one per pair, kept for the process). */
export function getAuth(db: Db, settings: AuthSettings): Promise<Auth> {
  const key = JSON.stringify(settings);
  let byKey = instances.get(db);
  if (!byKey) instances.set(db, (byKey = new Map()));
  let auth = byKey.get(key);
  if (!auth) {
    auth = authSecret(db).then((secret) => buildAuth(db, settings, secret));
    byKey.set(key, auth);
    auth.catch(() => byKey.delete(key));
  }
  return auth;
}
