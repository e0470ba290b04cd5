import { describe, expect, it } from "vitest";
import { checkRequestHost, hostPolicy, isAllowedHost, splitHost } from "../../app/lib/hosts";

describe("host policy", () => {
  const policy = hostPolicy({ PORT: "3000" });

  it("answers loopback names on the server's own port only", () => {
    for (const h of ["127.0.0.1:3000", "localhost:3000", "LOCALHOST:3000", "[::1]:3000"]) expect(isAllowedHost(policy, h)).toBe(true);
    for (const h of ["127.0.0.1:3001", "localhost", "evil.example:3000", "evil.example", "127.0.0.1.evil.example:3000", "", "127.0.0.1:3000@evil"]) {
      expect(isAllowedHost(policy, h), h).toBe(false);
    }
    expect(isAllowedHost(policy, null)).toBe(false);
  });

  it("allows loopback names on any port when the port is unknown", () => {
    const p = hostPolicy({});
    expect(isAllowedHost(p, "localhost:4123")).toBe(true);
    expect(isAllowedHost(p, "rebind.example:4123")).toBe(false);
  });

  it("adds configured hosts, with or without a port, and refuses a malformed entry loudly", () => {
    const p = hostPolicy({ PORT: "3000", PARALLAX_ALLOWED_HOSTS: "desk.example.org, factcheck.example:8443" });
    expect(isAllowedHost(p, "desk.example.org")).toBe(true);
    expect(isAllowedHost(p, "desk.example.org:9999")).toBe(true);
    expect(isAllowedHost(p, "factcheck.example:8443")).toBe(true);
    expect(isAllowedHost(p, "factcheck.example")).toBe(false);
    expect(() => hostPolicy({ PARALLAX_ALLOWED_HOSTS: "http://desk.example.org/" })).toThrow(/PARALLAX_ALLOWED_HOSTS: "http:\/\/desk.example.org\/" is not a host/);
  });

  it("splits IPv6 literals and trailing dots", () => {
    expect(splitHost("[::1]:80")).toEqual({ name: "[::1]", port: "80" });
    expect(splitHost("Example.ORG.")).toEqual({ name: "example.org", port: null });
    expect(splitHost("a b")).toBeNull();
  });

  it("refuses a foreign Host or X-Forwarded-Host with 421 and a cross-site write with 403", () => {
    const base = { method: "GET", host: "127.0.0.1:3000", forwardedHost: null, origin: null };
    expect(checkRequestHost(policy, base)).toEqual({ ok: true });
    expect(checkRequestHost(policy, { ...base, host: "evil.example:3000" })).toMatchObject({ ok: false, status: 421 });
    expect(checkRequestHost(policy, { ...base, forwardedHost: "evil.example" })).toMatchObject({ ok: false, status: 421 });
    expect(checkRequestHost(policy, { ...base, method: "POST", origin: "http://evil.example:3000" })).toMatchObject({ ok: false, status: 403 });
    expect(checkRequestHost(policy, { ...base, method: "POST", origin: "http://127.0.0.1:3000" })).toEqual({ ok: true });
    // A GET carrying a foreign Origin reads nothing the Host check has not already allowed.
    expect(checkRequestHost(policy, { ...base, origin: "http://evil.example" })).toEqual({ ok: true });
  });
});
