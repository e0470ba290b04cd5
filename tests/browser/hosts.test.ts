/**
 * DNS rebinding against the production build (`next start` on 127.0.0.1):
 * a request naming a foreign Host is refused on pages, route handlers and
 * server actions, and a real server action replayed with a foreign Host
 * changes nothing. The action is captured from Chromium (so its id and body
 * are the real ones), then replayed over plain HTTP where Host can be set.
 */
import http from "node:http";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { launchBrowser, sessionCookie, signIn, browserSkipReason } from "./browser";

const baseUrl = inject("baseUrl");
const dbPath = inject("dbPath");
const accounts = inject("accounts");
const why = browserSkipReason(baseUrl);

/** A raw HTTP request, so the Host header is exactly what the test says. */
function raw(method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  const u = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: Number(u.port), method, path: pathname, headers, setHost: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function flagRow(id: number): { status: string; version: number; events: number } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const f = db.prepare("select status, version from flags where id = ?").get(id) as { status: string; version: number };
    const e = db.prepare("select count(*) as n from flag_events where flag_id = ?").get(id) as { n: number };
    return { ...f, events: e.n };
  } finally {
    db.close();
  }
}

describe.skipIf(Boolean(why))(`allowed hosts on the production server${why ? ` (skipped: ${why})` : ""}`, () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  const own = () => new URL(baseUrl).host;

  let cookie = "";

  beforeAll(async () => {
    ({ context, close } = await launchBrowser());
    // Signed in as the editor: the refusals below are the Host's doing, not a missing session.
    const page = await context.newPage();
    await signIn(page, baseUrl, accounts.editor);
    await page.close();
    cookie = await sessionCookie(context, baseUrl);
  });
  afterAll(async () => {
    await close?.();
  });

  it("refuses a foreign Host on pages, the export route and static files, and serves its own", async () => {
    for (const p of ["/", "/flags", "/stories", "/api/export?format=json", "/icon.svg"]) {
      const evil = await raw("GET", p, { host: "evil.example", cookie });
      expect(evil.status, `${p} with Host evil.example`).toBe(421);
      expect(evil.body).not.toContain('"flags"');
      expect((await raw("GET", p, { host: `evil.example:${new URL(baseUrl).port}`, cookie })).status).toBe(421);
      expect((await raw("GET", p, { host: own(), "x-forwarded-host": "evil.example", cookie })).status).toBe(421);
    }
    const ok = await raw("GET", "/api/export?format=json", { host: own(), cookie });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toHaveProperty("flags");
  });

  it("refuses a real server action replayed with a foreign Host, and nothing changes", async () => {
    const db = new Database(dbPath, { readonly: true });
    // A flag the status button can still change (other test files may have verified some).
    const { id } = db.prepare("select max(id) as id from flags where status != 'verified'").get() as { id: number };
    db.close();
    const page = await context.newPage();
    let captured: { headers: Record<string, string>; body: string } | null = null;
    // Capture the action the status button posts, and stop it reaching the server.
    await page.route("**/*", async (route) => {
      const req = route.request();
      if (req.method() === "POST" && req.headers()["next-action"]) {
        captured = { headers: req.headers(), body: req.postData() ?? "" };
        await route.abort();
      } else await route.continue();
    });
    await page.goto(`${baseUrl}/flags/${id}`);
    await page.locator('button[data-status="verified"]').click();
    await expect.poll(() => captured !== null).toBe(true);
    await page.close();
    const before = flagRow(id);

    const { headers, body } = captured!;
    const replay = (host: string, origin: string) =>
      raw("POST", `/flags/${id}`, {
        host,
        origin,
        "content-type": headers["content-type"],
        "next-action": headers["next-action"],
        "next-router-state-tree": headers["next-router-state-tree"] ?? "",
        accept: "text/x-component",
        cookie,
      }, body);

    const port = new URL(baseUrl).port;
    for (const [host, origin] of [
      ["evil.example", "http://evil.example"],
      [`evil.example:${port}`, `http://evil.example:${port}`],
      [own(), `http://evil.example:${port}`],
    ]) {
      const r = await replay(host, origin);
      expect([421, 403], `Host ${host}, Origin ${origin}`).toContain(r.status);
      expect(flagRow(id)).toEqual(before);
    }

    // The same request with the server's own Host goes through: the refusals above were the Host's doing.
    const genuine = await replay(own(), baseUrl);
    expect(genuine.status).toBe(200);
    await expect.poll(() => flagRow(id).status).toBe("verified");
  });
});
