/**
 * Accounts and roles in real Chromium against `next start`: sign-in and
 * sign-out, the security headers (and no CSP error while the pages hydrate
 * and work), what a viewer sees, a forged server action from a viewer's
 * session, an editor's triage in the history, an admin adding a user who then
 * signs in, a disabled user's open session refused on its next action, and
 * the sign-in rate limit (which a spoofed X-Forwarded-For does not lift).
 * Tests run in order and share the database of global-setup.ts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { openDb } from "../../db/client";
import { createUser } from "../../db/users";
import { launchIsolated, sessionCookie, signIn, browserSkipReason, queryOne } from "./browser";

const baseUrl = inject("baseUrl");
const dbPath = inject("dbPath");
const accounts = inject("accounts");
const limit = inject("signInLimit");
const why = browserSkipReason(baseUrl);

const query = <T>(sql: string, ...args: unknown[]): T => queryOne<T>(dbPath, sql, ...args);
const flagState = (id: number) => query<{ status: string; version: number; events: number }>("select status, version, (select count(*) from flag_events e where e.flag_id = f.id) as events from flags f where id = ?", id);
const openFlagId = (skip = 0) => query<{ id: number }>("select id from flags where status = 'open' order by id limit 1 offset ?", skip).id;

/**
 * A server action captured from the browser (its real id and body), stopped before it reaches the
 * server. On a page of its own, without the error collectors: the stopped request logs a failed fetch.
 */
async function captureAction(context: BrowserContext, url: string, trigger: (p: Page) => Promise<void>): Promise<{ headers: Record<string, string>; body: string }> {
  const page = await context.newPage();
  let captured: { headers: Record<string, string>; body: string } | null = null;
  await page.route("**/*", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { headers: req.headers(), body: req.postData() ?? "" };
      await route.abort();
    } else await route.continue();
  });
  await page.goto(url);
  await trigger(page);
  await expect.poll(() => captured !== null).toBe(true);
  await page.close();
  return captured!;
}

/** Replays a captured action over plain HTTP with another cookie (or none). */
async function replay(pathname: string, action: { headers: Record<string, string>; body: string }, cookie: string | null): Promise<{ status: number; text: string }> {
  const r = await fetch(`${baseUrl}${pathname}`, {
    method: "POST",
    headers: {
      origin: baseUrl,
      "content-type": action.headers["content-type"],
      "next-action": action.headers["next-action"],
      "next-router-state-tree": action.headers["next-router-state-tree"] ?? "",
      accept: "text/x-component",
      ...(cookie ? { cookie } : {}),
    },
    body: action.body,
    redirect: "manual",
  });
  return { status: r.status, text: await r.text() };
}

describe.skipIf(Boolean(why))(`accounts and roles in Chromium${why ? ` (skipped: ${why})` : ""}`, () => {
  let browser: Browser;
  let close: () => Promise<void>;
  const problems: string[] = [];

  /** A fresh cookie jar whose page errors and console errors (CSP refusals among them) are collected. */
  async function person(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      // A refused sign-in answers 401/403/429, which Chromium logs as a failed resource: expected here.
      if (m.type() === "error" && !/status of (401|403|429)/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    // Chromium's console line does not say which resource failed: name it.
    page.on("response", (r) => {
      if (r.status() >= 404 && r.status() !== 429) problems.push(`response ${r.status()}: ${new URL(r.url()).pathname}`);
    });
    return { context, page };
  }

  beforeAll(async () => {
    ({ browser, close } = await launchIsolated());
  });
  afterAll(async () => {
    await close?.();
  });

  it("sends a signed-out visitor to the sign-in page, and /api/export answers 401", async () => {
    const { context, page } = await person();
    for (const p of ["/", "/flags?status=open", "/stories", "/account", "/admin/users"]) {
      await page.goto(`${baseUrl}${p}`);
      const u = new URL(page.url());
      expect(u.pathname, p).toBe("/sign-in");
      expect(u.searchParams.get("next"), p).toBe(p);
    }
    const api = await fetch(`${baseUrl}/api/export?format=json`);
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: { code: "signed_out", message: expect.stringContaining("signed out") } });
    // A forged session cookie is no session either.
    expect((await fetch(`${baseUrl}/api/export?format=json`, { headers: { cookie: "parallax.session_token=forged.value" } })).status).toBe(401);
    await context.close();
  });

  it("signs in and out; a wrong password and an unknown e-mail read the same; the cookie is httpOnly, SameSite=Lax and expires", async () => {
    const { context, page } = await person();
    await page.goto(`${baseUrl}/sign-in?next=%2Fflags`);
    const attempt = async (email: string, password: string) => {
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByTestId("sign-in-submit").click();
      return (await page.getByTestId("sign-in-error").textContent())?.trim();
    };
    expect(await attempt(accounts.viewer.email, "not the password at all")).toBe("E-mail or password is wrong.");
    expect(await attempt("nobody@desk.test", "not the password at all")).toBe("E-mail or password is wrong.");
    await page.getByLabel("E-mail").fill(accounts.viewer.email);
    await page.getByLabel("Password").fill(accounts.viewer.password);
    await page.getByTestId("sign-in-submit").click();
    await page.waitForURL(`${baseUrl}/flags`);
    expect(await page.getByTestId("editor-name").textContent()).toBe(accounts.viewer.name);
    const [cookie] = (await context.cookies(baseUrl)).filter((c) => c.name === "parallax.session_token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const days = (cookie.expires * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7.01);

    await page.getByTestId("sign-out").click();
    await page.waitForURL((u) => u.pathname === "/sign-in");
    expect((await context.cookies(baseUrl)).filter((c) => c.name === "parallax.session_token")).toEqual([]);
    // The old cookie value is dead on the server too.
    expect((await fetch(`${baseUrl}/api/export?format=json`, { headers: { cookie: `parallax.session_token=${cookie.value}` } })).status).toBe(401);
    await page.goto(`${baseUrl}/flags`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await context.close();
  });

  it("puts a nonce CSP, frame-ancestors 'none', nosniff and a strict Referrer-Policy on every response; pages hydrate under it", async () => {
    for (const p of ["/sign-in", "/_next/static/does-not-exist.js", "/api/export?format=json", "/icon.svg"]) {
      const r = await fetch(`${baseUrl}${p}`, { redirect: "manual" });
      const csp = r.headers.get("content-security-policy") ?? "";
      expect(csp, p).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(csp, p).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp, p).not.toMatch(/script-src[^;]*'unsafe-eval'/);
      expect(r.headers.get("x-content-type-options"), p).toBe("nosniff");
      expect(r.headers.get("referrer-policy"), p).toBe("strict-origin-when-cross-origin");
    }
    // Every page's scripts carry the nonce of its own response, which differs per request.
    const a = await fetch(`${baseUrl}/sign-in`);
    const b = await fetch(`${baseUrl}/sign-in`);
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    expect(nonceOf(a.headers.get("content-security-policy"))).not.toBe(nonceOf(b.headers.get("content-security-policy")));
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonceOf(a.headers.get("content-security-policy"))}"`);

    // Hydrated and working under the policy: the editor's keyboard triage needs client JavaScript.
    const { context, page } = await person();
    await signIn(page, baseUrl, accounts.editor, "/flags?status=open");
    await page.waitForSelector("table.flags tbody tr");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("flag-search");
    await context.close();
    expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
  });

  it("shows a viewer no triage controls, while reading and exporting work", async () => {
    const { context, page } = await person();
    await signIn(page, baseUrl, accounts.viewer, "/flags");
    await page.waitForSelector("table.flags tbody tr");
    expect(await page.locator("table.flags input[type=checkbox]").count()).toBe(0);
    expect(await page.locator(".bulkbar").count()).toBe(0);
    expect(await page.locator("text=Users").count()).toBe(0);
    const id = openFlagId();
    const before = flagState(id);
    await page.goto(`${baseUrl}/flags/${id}`);
    await page.getByTestId("read-only").waitFor();
    expect(await page.locator("button[data-status]").count()).toBe(0);
    expect(await page.locator("#flag-note").count()).toBe(0);
    await page.keyboard.press("v");
    await page.waitForTimeout(300);
    expect(flagState(id)).toEqual(before);
    const exp = await context.request.get(`${baseUrl}/api/export?format=csv`);
    expect(exp.status()).toBe(200);
    await page.goto(`${baseUrl}/admin/users`);
    expect(await page.locator("main .notice").textContent()).toContain("Only admins manage users; your role is viewer.");
    expect(await page.locator("[data-testid=users-table]").count()).toBe(0);
    await context.close();
  });

  it("refuses a real server action replayed from a viewer's session, with a clear error, and changes nothing", async () => {
    const editor = await person();
    await signIn(editor.page, baseUrl, accounts.editor);
    const viewer = await person();
    await signIn(viewer.page, baseUrl, accounts.viewer);
    const id = openFlagId();
    const action = await captureAction(editor.context, `${baseUrl}/flags/${id}`, (p) => p.locator('button[data-status="verified"]').click());
    const before = flagState(id);

    const asViewer = await replay(`/flags/${id}`, action, await sessionCookie(viewer.context, baseUrl));
    expect(asViewer.status).toBe(200);
    expect(asViewer.text).toContain("Your role (viewer) may not change flag statuses or notes; ask an admin for the editor role. Nothing was changed.");
    expect(flagState(id)).toEqual(before);

    const signedOut = await replay(`/flags/${id}`, action, null);
    expect(signedOut.text).toContain("You are signed out");
    expect(flagState(id)).toEqual(before);

    // The same request from the editor's session goes through: the refusals were the role's and the session's doing.
    const asEditor = await replay(`/flags/${id}`, action, await sessionCookie(editor.context, baseUrl));
    expect(asEditor.status).toBe(200);
    expect(flagState(id)).toMatchObject({ status: "verified", version: before.version + 1, events: before.events + 1 });
    await editor.context.close();
    await viewer.context.close();
  });

  it("records an editor's triage under their account and name in the history", async () => {
    const { context, page } = await person();
    await signIn(page, baseUrl, accounts.editor);
    const id = openFlagId();
    await page.goto(`${baseUrl}/flags/${id}`);
    await page.locator('button[data-status="unsupported"]').click();
    await expect.poll(() => page.getByTestId("flag-status").textContent()).toBe("unsupported");
    await expect.poll(async () => (await page.getByTestId("history").textContent()) ?? "").toContain(accounts.editor.name);
    const ev = query<{ editor: string; user_id: string; actor_kind: string }>("select editor, user_id, actor_kind from flag_events where flag_id = ? order by id desc limit 1", id);
    const editorId = query<{ id: string }>("select id from user where email = ?", accounts.editor.email).id;
    expect(ev).toEqual({ editor: accounts.editor.name, user_id: editorId, actor_kind: "editor" });
    await context.close();
  });

  let newUser: { email: string; password: string; name: string };

  it("lets an admin add a user, shown a one-time password, who can then sign in", async () => {
    const admin = await person();
    await signIn(admin.page, baseUrl, accounts.admin, "/admin/users");
    await admin.page.getByTestId("users-table").waitFor();
    await admin.page.getByLabel("E-mail").fill("nia@desk.test");
    await admin.page.getByLabel("Name (shown in the flag history)").fill("Nia New");
    await admin.page.getByLabel("Role", { exact: true }).selectOption("editor");
    await admin.page.getByTestId("add-user").click();
    const password = (await admin.page.getByTestId("one-time-password").textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(20);
    await expect.poll(() => admin.page.locator('tr[data-email="nia@desk.test"]').count()).toBe(1);
    newUser = { email: "nia@desk.test", password, name: "Nia New" };
    await admin.context.close();

    const nia = await person();
    await signIn(nia.page, baseUrl, newUser);
    expect(await nia.page.getByTestId("editor-name").textContent()).toBe("Nia New");
    expect(await nia.page.getByTestId("editor-role").textContent()).toBe("(editor)");
    await nia.context.close();
  });

  it("refuses a disabled user's open session on its next action, and their sign-in", async () => {
    const nia = await person();
    await signIn(nia.page, baseUrl, newUser);
    const id = openFlagId();
    await nia.page.goto(`${baseUrl}/flags/${id}`);
    await nia.page.locator('button[data-status="verified"]').waitFor();
    const before = flagState(id);

    const admin = await person();
    await signIn(admin.page, baseUrl, accounts.admin, "/admin/users");
    await admin.page.locator('tr[data-email="nia@desk.test"] button', { hasText: "Disable" }).click();
    expect(await admin.page.getByTestId("users-notice").textContent()).toContain("nia@desk.test is disabled and signed out.");
    await admin.context.close();

    // Nia's page is still open from before: the next change is refused and nothing changes.
    await nia.page.locator('button[data-status="verified"]').click();
    const error = nia.page.getByTestId("triage-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("You are signed out (your session ended or your account was disabled)");
    expect(flagState(id)).toEqual(before);
    await nia.page.reload();
    expect(new URL(nia.page.url()).pathname).toBe("/sign-in");
    await nia.page.getByLabel("E-mail").fill(newUser.email);
    await nia.page.getByLabel("Password").fill(newUser.password);
    await nia.page.getByTestId("sign-in-submit").click();
    expect(await nia.page.getByTestId("sign-in-error").textContent()).toBe("This account is disabled; ask an admin.");
    await nia.context.close();
  });

  it("lets a signed-in user change their password: the old one stops working, the new one signs in", async () => {
    const pat = { email: "pat@desk.test", name: "Pat Password", password: "the first password" };
    const db = openDb(dbPath);
    await createUser(db, { ...pat, role: "viewer" });
    db.$client.close();
    const { context, page } = await person();
    await signIn(page, baseUrl, pat);
    await page.goto(`${baseUrl}/account`);
    await page.locator("form[data-ready]").waitFor();
    const change = async (current: string, next: string, again = next) => {
      const before = (await page.getByTestId("password-message").count()) ? await page.getByTestId("password-message").textContent() : null;
      await page.getByLabel("Current password").fill(current);
      await page.getByLabel("New password (at least 12 characters)").fill(next);
      await page.getByLabel("New password again").fill(again);
      await page.getByRole("button", { name: "Change password" }).click();
      // Each answer differs from the one before it, so a new message is this submission's.
      // A change hashes the password and may redirect: give it time on a busy machine.
      await expect.poll(async () => ((await page.getByTestId("password-message").count()) ? await page.getByTestId("password-message").textContent() : null), { timeout: 20_000 }).not.toBe(before);
      await page.locator("form[data-ready]").waitFor();
      return page.getByTestId("password-message").textContent();
    };
    expect(await change("not my password!!", "a new long password")).toBe("Your current password is wrong; the password was not changed.");
    expect(await change(pat.password, "a new long password", "a different one!!")).toBe("confirmPassword: The two new passwords differ.");
    expect(await change(pat.password, "a new long password")).toBe("Password changed; your other sessions were signed out.");
    // Still signed in here: a new session replaced the old one.
    await page.goto(`${baseUrl}/flags`);
    expect(await page.getByTestId("editor-name").textContent()).toBe(pat.name);
    await context.close();
    const login = (password: string) =>
      fetch(`${baseUrl}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: baseUrl }, body: JSON.stringify({ email: pat.email, password }) });
    expect((await login(pat.password)).status).toBe(401);
    expect((await login("a new long password")).status).toBe(200);
  });

  it("rate limits sign-in per client address, whatever X-Forwarded-For says, and lets the right password in after the window", async () => {
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let i = 0; i <= limit.max; i++) {
      const r = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
        method: "POST",
        // A different forged client address on each attempt: it must not buy a fresh allowance.
        headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": `198.51.100.${i + 1}` },
        body: JSON.stringify({ email: accounts.viewer.email, password: "guessing the password" }),
      });
      statuses.push(r.status);
      if (r.status === 429) {
        retryAfter = Number(r.headers.get("x-retry-after"));
        break;
      }
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(limit.windowSeconds);

    // Even the right password waits, and the form says so.
    const { context, page } = await person();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("E-mail").fill(accounts.viewer.email);
    await page.getByLabel("Password").fill(accounts.viewer.password);
    await page.getByTestId("sign-in-submit").click();
    expect(await page.getByTestId("sign-in-error").textContent()).toMatch(/^Too many sign-in attempts from this address; try again in \d+ seconds\.$/);

    await page.waitForTimeout((limit.windowSeconds + 1) * 1000);
    await page.getByTestId("sign-in-submit").click();
    await page.waitForURL((u) => u.pathname === "/");
    expect(await page.getByTestId("editor-name").textContent()).toBe(accounts.viewer.name);
    await context.close();
    expect(problems).toEqual([]);
  });
});
