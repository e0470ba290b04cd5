/**
 * Which Host a request may name. A page on any domain that resolves to this
 * server (DNS rebinding) sends that domain as its Host and, being same-origin
 * in the browser's eyes, could read exports and post server actions. So the
 * server answers only the hosts it was meant to serve: loopback names on the
 * port it listens on, plus what a deployment lists in PARALLAX_ALLOWED_HOSTS.
 *
 * Pure apart from reading the environment once per call (the proxy passes it).
 */

/** Loopback names the server always answers on its own port. */
export const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"] as const;

/** Environment variable listing extra allowed hosts: `host` (any port) or `host:port`, comma-separated. */
export const ALLOWED_HOSTS_ENV = "PARALLAX_ALLOWED_HOSTS";

export interface HostPolicy {
  /** `name` → allowed ports (null: any port). Names are lower case. */
  readonly entries: ReadonlyMap<string, ReadonlySet<string> | null>;
}

/** Splits `host[:port]` (IPv6 literals in brackets) into a lower-case name and a port, or null when malformed. */
export function splitHost(value: string): { name: string; port: string | null } | null {
  const v = value.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(v);
  if (!m) return null;
  return { name: m[1].replace(/\.$/, ""), port: m[2] ?? null };
}

function allow(entries: Map<string, Set<string> | null>, name: string, port: string | null): void {
  if (entries.get(name) === null) return; // already any port
  if (port === null) entries.set(name, null);
  else entries.set(name, new Set([...(entries.get(name) ?? []), port]));
}

/**
 * Builds the policy from the server's port (`PORT`, set by `next start`;
 * unknown means the loopback names are allowed on any port) and the
 * configured list. Throws on a malformed configured entry: a deployment
 * typo must not silently open or close the server.
 */
export function hostPolicy(env: { PORT?: string; [ALLOWED_HOSTS_ENV]?: string }): HostPolicy {
  const entries = new Map<string, Set<string> | null>();
  const port = env.PORT && /^\d{1,5}$/.test(env.PORT) ? env.PORT : null;
  for (const name of LOOPBACK_HOSTS) allow(entries, name, port);
  for (const raw of (env[ALLOWED_HOSTS_ENV] ?? "").split(",")) {
    if (!raw.trim()) continue;
    const h = splitHost(raw);
    if (!h) throw new Error(`${ALLOWED_HOSTS_ENV}: "${raw.trim()}" is not a host name or host:port`);
    allow(entries, h.name, h.port);
  }
  return { entries };
}

/** True when `host` (a Host header value) is one the policy allows. */
export function isAllowedHost(policy: HostPolicy, host: string | null): boolean {
  if (!host) return false;
  const h = splitHost(host);
  if (!h) return false;
  if (!policy.entries.has(h.name)) return false;
  const ports = policy.entries.get(h.name);
  if (ports === null || ports === undefined) return true;
  // A Host without a port names the scheme's default port.
  return ports.has(h.port ?? "80") || (h.port === null && ports.has("443"));
}

/** What the proxy does with a request: pass, or refuse with a status and a plain reason. */
export type HostVerdict = { ok: true } | { ok: false; status: 421 | 403; reason: string };

/**
 * Checks a request's Host, X-Forwarded-Host and (for anything but GET/HEAD)
 * Origin. A wrong Host is 421 Misdirected Request; a cross-site Origin on a
 * write is 403. X-Forwarded-Host is checked too because Next's server-action
 * origin check prefers it to Host, and a rebinding page can set it freely.
 */
export function checkRequestHost(policy: HostPolicy, req: { method: string; host: string | null; forwardedHost: string | null; origin: string | null }): HostVerdict {
  if (!isAllowedHost(policy, req.host)) return { ok: false, status: 421, reason: `This server does not answer for host "${req.host ?? ""}".` };
  if (req.forwardedHost !== null) {
    for (const h of req.forwardedHost.split(",")) {
      if (!isAllowedHost(policy, h)) return { ok: false, status: 421, reason: `This server does not answer for forwarded host "${h.trim()}".` };
    }
  }
  if (req.method !== "GET" && req.method !== "HEAD" && req.origin !== null && req.origin !== "null") {
    let originHost: string | null = null;
    try {
      originHost = new URL(req.origin).host;
    } catch {
      originHost = null;
    }
    if (!isAllowedHost(policy, originHost)) return { ok: false, status: 403, reason: "Cross-site request refused." };
  }
  return { ok: true };
}

/**
 * The policy as host patterns for better-auth (`name:port`, or `name` and
 * `name:*` for any port), so its base URL and trusted origins follow exactly
 * the hosts the proxy lets through.
 */
export function allowedHostPatterns(policy: HostPolicy): string[] {
  const out: string[] = [];
  for (const [name, ports] of policy.entries) {
    if (ports === null) out.push(name, `${name}:*`);
    else for (const p of ports) out.push(`${name}:${p}`, ...(p === "80" || p === "443" ? [name] : []));
  }
  return out;
}

/**
 * Environment variable a deployment sets to "1" when a reverse proxy of its
 * own sets X-Forwarded-For. Otherwise the proxy drops a client-sent one, so a
 * client cannot pick the address the sign-in rate limit counts against.
 */
export const TRUST_PROXY_ENV = "PARALLAX_TRUST_PROXY";
