/**
 * Ingest and outlets from the dashboard in real Chromium against `next start`:
 * an editor ingests an article URL served by this test on 127.0.0.1 (the test
 * server allows private addresses, see global-setup.ts), watches the progress
 * and follows the result to its story; renames the outlet and sees the new
 * name on the outlets, stories, story and flags pages; a viewer sees neither
 * page nor link, and the job API refuses them.
 */
import http from "node:http";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchIsolated, sessionCookie, signIn, browserSkipReason, queryOne } from "./browser";

const baseUrl = inject("baseUrl");
const dbPath = inject("dbPath");
const accounts = inject("accounts");
const why = browserSkipReason(baseUrl);

const query = <T>(sql: string, ...args: unknown[]): T => queryOne<T>(dbPath, sql, ...args);

/** The served page takes this long to answer, so the page shows the job while it runs. */
const SLOW_MS = 2500;
const OUTLET = "Harbour Herald Test Desk";
const RENAMED = "The Harbour Herald";

/** An article of the sample corpus, re-served as another outlet's page with one quote reworded: it joins that story. */
function samplePage(): { html: string; story: number } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const a = db
      .prepare("SELECT title, body, story_id AS story FROM articles WHERE current = 1 AND story_id IS NOT NULL AND body LIKE '%“%' ORDER BY id LIMIT 1")
      .get() as { title: string; body: string; story: number };
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const paras = a.body
      .split(/\n{2,}/)
      .map((p) => p.replace(/“([^”]*?)\b(\w{5,})\b/, "“$1$2 indeed"))
      .map((p) => `<p>${esc(p)}</p>`)
      .join("\n");
    const html = `<!doctype html><html lang="en"><head><title>${esc(a.title)}</title><meta property="og:site_name" content="${OUTLET}"><meta property="article:published_time" content="2026-03-02T16:00:00Z"></head><body><article><h1>${esc(a.title)}</h1>${paras}</article></body></html>`;
    return { html, story: a.story };
  } finally {
    db.close();
  }
}

describe.skipIf(Boolean(why))(`ingest and outlets in Chromium${why ? ` (skipped: ${why})` : ""}`, () => {
  let browser: Browser;
  let close: () => Promise<void>;
  let server: http.Server;
  let articleUrl: string;
  let requests = 0;
  const problems: string[] = [];

  async function person(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 403/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    return { context, page };
  }

  beforeAll(async () => {
    const { html } = samplePage();
    server = http.createServer((req, res) => {
      requests++;
      setTimeout(() => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(html);
      }, SLOW_MS);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    articleUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/news/harbour-story.html`;
    ({ browser, close } = await launchIsolated());
  });
  afterAll(async () => {
    await close?.();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it("an editor ingests a URL from the dashboard, sees the progress, and follows the result to its story and flags", async () => {
    const { context, page } = await person();
    await signIn(page, baseUrl, accounts.editor, "/flags");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Ingest" }).click();
    await page.waitForURL(`${baseUrl}/ingest`);
    // The test server allows loopback only (PARALLAX_ALLOW_PRIVATE_ADDRESSES=loopback): the private network stays refused.
    await page.getByTestId("ingest-urls").fill(`${articleUrl}\nnot-an-address\nhttp://10.11.12.13/news/internal`);
    await page.getByTestId("ingest-submit").click();
    // Progress while the page is still being fetched.
    const job = page.getByTestId("ingest-job");
    await expect.poll(() => job.getAttribute("data-status"), { timeout: 15_000 }).toMatch(/^(queued|ingesting)$/);
    await expect.poll(() => page.getByTestId("ingest-stage").textContent(), { timeout: 15_000 }).toMatch(/Starting|Reading and storing: 0 of 1/);
    expect(await page.getByTestId("ingest-progress").count()).toBe(1);
    expect(new URL(page.url()).searchParams.get("job")).toMatch(/^\d+$/);
    // Done: the input's line, the refused address's line, and the story with its flags linked.
    await expect.poll(() => job.getAttribute("data-status"), { timeout: 60_000, interval: 500 }).toBe("done");
    expect(requests).toBe(1);
    const lines = page.getByTestId("ingest-lines");
    await expect.poll(() => lines.textContent()).toContain(`added ${articleUrl}`);
    expect(await lines.textContent()).toContain(OUTLET);
    expect(await lines.textContent()).toContain("FAILED not-an-address: not an http or https address");
    expect(await lines.textContent()).toMatch(/FAILED http:\/\/10\.11\.12\.13\/news\/internal: .*10\.11\.12\.13 is a private network address \(set PARALLAX_ALLOW_PRIVATE_ADDRESSES=1/);
    const stories = page.getByTestId("ingest-story");
    expect(await stories.count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId("ingest-outcome").textContent()).toMatch(/\d+ flags on the new articles/);
    const flagsLink = stories.first().getByRole("link", { name: /flags \(\d+ open\)/ });
    const href = await flagsLink.getAttribute("href");
    expect(href).toMatch(/^\/flags\?story=\d+$/);
    await stories.first().getByRole("link").first().click();
    await page.waitForURL(/\/stories\/\d+$/);
    expect(await page.locator("main").textContent()).toContain(OUTLET);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("an editor renames the outlet and sees the new name on every page", async () => {
    const { context, page } = await person();
    await signIn(page, baseUrl, accounts.editor, "/outlets");
    const row = page.locator(`tr[data-outlet="${OUTLET}"]`);
    expect(await row.getByTestId("outlet-origin").textContent()).toBe("from metadata");
    await row.getByTestId("outlet-rename").click();
    await row.getByTestId("outlet-name-input").fill(RENAMED);
    await row.getByTestId("outlet-rename-save").click();
    await expect.poll(() => page.getByTestId("outlets-notice").textContent()).toContain(`Renamed to "${RENAMED}"`);
    await page.locator(`tr[data-outlet="${RENAMED}"]`).waitFor();
    expect(await page.locator(`tr[data-outlet="${RENAMED}"]`).textContent()).toContain(`also known as ${OUTLET}`);
    expect(await page.locator(`tr[data-outlet="${OUTLET}"]`).count()).toBe(0);

    const storyId = query<{ s: number }>("SELECT a.story_id AS s FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE o.name = ? AND a.current = 1", RENAMED).s;
    // The re-analysis the rename started (explanations name outlets) ends with the story clean.
    const dirty = () => query<{ dirty: number }>("SELECT dirty FROM stories WHERE id = ?", storyId).dirty;
    await expect.poll(dirty, { timeout: 60_000, interval: 500 }).toBe(0);
    for (const path of ["/stories", `/stories/${storyId}`, `/flags?story=${storyId}`]) {
      await page.goto(`${baseUrl}${path}`);
      const text = (await page.locator("main").textContent()) ?? "";
      expect(text, path).toContain(RENAMED);
      expect(text, path).not.toContain(OUTLET);
    }
    // The flags of the renamed outlet are found under the new name.
    await page.goto(`${baseUrl}/flags?outlet=${encodeURIComponent(RENAMED)}`);
    expect(await page.locator("main").textContent()).not.toContain(OUTLET);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a viewer sees neither the Ingest nor the Outlets page, and the job API refuses them", async () => {
    const { context, page } = await person();
    await signIn(page, baseUrl, accounts.viewer, "/flags");
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Ingest" }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "Outlets" }).count()).toBe(0);
    await page.goto(`${baseUrl}/ingest`);
    expect(await page.locator("main").getByRole("alert").textContent()).toContain("Only editors and admins ingest articles");
    expect(await page.getByTestId("ingest-form").count()).toBe(0);
    await page.goto(`${baseUrl}/outlets`);
    expect(await page.locator("main").getByRole("alert").textContent()).toContain("Only editors and admins name outlets");
    expect(await page.getByTestId("outlets-table").count()).toBe(0);
    const r = await fetch(`${baseUrl}/api/ingest/job?id=1`, { headers: { cookie: await sessionCookie(context, baseUrl) } });
    expect(r.status).toBe(403);
    expect(problems).toEqual([]);
    await context.close();
  });
});
