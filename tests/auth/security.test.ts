import { describe, expect, it } from "vitest";
import { parseSignInLimit } from "../../app/lib/auth";
import { allowedHostPatterns, hostPolicy } from "../../app/lib/hosts";
import { contentSecurityPolicy, needsSignIn, safeNextPath, securityHeaders } from "../../app/lib/security";

describe("security headers", () => {
  it("allows scripts only with the nonce, never inline or eval in production, and forbids framing", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(contentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'");
    expect(securityHeaders("n", { dev: false })).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", "x-frame-options": "DENY" });
  });
});

describe("which requests need a session", () => {
  it("sends pages to sign-in but not the sign-in page, assets, API routes or server actions", () => {
    for (const p of ["/", "/flags", "/flags/3", "/stories", "/account", "/admin/users"]) expect(needsSignIn({ pathname: p, isServerAction: false }), p).toBe(true);
    for (const p of ["/sign-in", "/_next/static/chunks/a.js", "/api/export", "/api/auth/sign-in/email", "/icon.svg"]) expect(needsSignIn({ pathname: p, isServerAction: false }), p).toBe(false);
    expect(needsSignIn({ pathname: "/flags/3", isServerAction: true })).toBe(false);
  });

  it("returns only to a path on this site after signing in", () => {
    expect(safeNextPath("/flags?status=open")).toBe("/flags?status=open");
    for (const bad of [null, "", "https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/sign-in", "/sign-in?next=/x", "/a\nb"]) expect(safeNextPath(bad), String(bad)).toBe("/");
  });
});

describe("auth settings", () => {
  it("parses the sign-in limit and refuses a malformed one", () => {
    expect(parseSignInLimit(undefined)).toEqual({ max: 5, windowSeconds: 60 });
    expect(parseSignInLimit(" 10 / 30 ")).toEqual({ max: 10, windowSeconds: 30 });
    expect(() => parseSignInLimit("ten")).toThrow('PARALLAX_SIGN_IN_LIMIT: "ten" is not attempts/seconds (for example 5/60)');
    expect(() => parseSignInLimit("0/60")).toThrow("PARALLAX_SIGN_IN_LIMIT");
  });

  it("gives better-auth exactly the hosts the proxy allows", () => {
    expect(allowedHostPatterns(hostPolicy({ PORT: "3000" }))).toEqual(["127.0.0.1:3000", "localhost:3000", "[::1]:3000"]);
    expect(allowedHostPatterns(hostPolicy({ PARALLAX_ALLOWED_HOSTS: "desk.example.org,news.example:443" }))).toEqual([
      "127.0.0.1",
      "127.0.0.1:*",
      "localhost",
      "localhost:*",
      "[::1]",
      "[::1]:*",
      "desk.example.org",
      "desk.example.org:*",
      "news.example:443",
      "news.example",
    ]);
  });
});
