/**
 * The editor's desk in real Chromium against `next start` on the analysed
 * sample corpus, signed in as the editor account: filter, sort, open, triage with a note, bulk change, export,
 * and the refusal of a change made from a stale view. Tests run in order and
 * share one database (see global-setup.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, signIn, browserSkipReason, SCREENSHOTS } from "./browser";

const baseUrl = inject("baseUrl");
const accounts = inject("accounts");
const SHOTS = SCREENSHOTS;

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
const pageErrors: string[] = [];

/** Visible rows of the flags table as {id, kind, severity, status}. */
async function tableRows(p: Page): Promise<{ id: number; kind: string; severity: string; status: string }[]> {
  return p.$$eval("table.flags tbody tr", (trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "");
      // columns: select, severity, kind, text, outlet, story, counterparts, confidence, status, last change
      return { id: Number((tr as HTMLElement).dataset.flagId), severity: cells[1], kind: cells[2], status: cells[8] };
    }),
  );
}

async function total(p: Page): Promise<number> {
  const t = await p.getByTestId("total").textContent();
  return Number(/(\d+)/.exec(t ?? "")?.[1] ?? NaN);
}

async function gotoFlags(p: Page, search = ""): Promise<void> {
  await p.goto(`${baseUrl}/flags${search}`);
  await p.waitForSelector("table.flags tbody tr");
}

// Under the unit config (no global setup, no server) these tests are skipped: run them with
// `npx vitest run --config vitest.browser.config.ts` (npm test does).
const why = browserSkipReason(baseUrl);

describe.skipIf(Boolean(why))(`dashboard in Chromium${why ? ` (skipped: ${why})` : ""}`, () => {
  beforeAll(async () => {
    ({ context, close } = await launchBrowser());
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => pageErrors.push(e.message));
    // React hydration mismatches and failed loads show up as console errors.
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(`console: ${m.text()}`);
    });
  });
  afterAll(async () => {
    await close?.();
  });

  it("signs the editor in and shows their name and role in the header", async () => {
    await signIn(page, baseUrl, accounts.editor);
    expect(await page.getByTestId("editor-name").textContent()).toBe("Robin Desk");
    expect(await page.getByTestId("editor-role").textContent()).toBe("(editor)");
    await page.reload();
    expect(await page.getByTestId("editor-name").textContent()).toBe("Robin Desk");
    expect(Number(await page.getByTestId("open-count").textContent())).toBeGreaterThan(0);
  });

  it("filters by kind with a facet and keeps the filter in the URL", async () => {
    await gotoFlags(page);
    const all = await total(page);
    const facet = page.locator('fieldset[data-facet="kind"] label').first();
    const kindValue = await facet.locator("input").getAttribute("value");
    const expected = Number(await facet.locator(".count").textContent());
    await facet.locator("input").check();
    await page.waitForURL((u) => u.searchParams.getAll("kind").includes(kindValue!));
    await expect.poll(() => total(page)).toBe(expected);
    const rows = await tableRows(page);
    expect(rows.length).toBe(expected);
    for (const r of rows) expect(r.kind).toBe(kindValue!.replace(/_/g, " "));
    expect(expected).toBeLessThanOrEqual(all);
    // Shared view: a fresh load of the same URL shows the same filtered table.
    await page.reload();
    await page.waitForSelector("table.flags tbody tr");
    expect(await total(page)).toBe(expected);
    expect(await page.locator(`fieldset[data-facet="kind"] input[value="${kindValue}"]`).isChecked()).toBe(true);
  });

  it("sorts by severity from the column header, both ways", async () => {
    await gotoFlags(page);
    const rank: Record<string, number> = { low: 0, medium: 1, high: 2 };
    await page.locator('th[data-column="severity"] button').click();
    await page.waitForURL((u) => u.searchParams.get("sort") === "severity.desc");
    await page.waitForSelector('th[data-column="severity"][aria-sort="descending"]');
    let sev = (await tableRows(page)).map((r) => rank[r.severity.toLowerCase()]);
    expect(sev).toEqual([...sev].sort((a, b) => b - a));
    await page.locator('th[data-column="severity"] button').click();
    await page.waitForURL((u) => u.searchParams.get("sort") === "severity.asc");
    await page.waitForSelector('th[data-column="severity"][aria-sort="ascending"]');
    sev = (await tableRows(page)).map((r) => rank[r.severity.toLowerCase()]);
    expect(sev).toEqual([...sev].sort((a, b) => a - b));
    expect(new Set(sev).size).toBeGreaterThan(1);
  });

  let openedId = 0;
  it("opens a flag from the keyboard, with its span highlighted and counterparts diffed", async () => {
    await gotoFlags(page, "?sort=severity.desc");
    await page.screenshot({ path: path.join(SHOTS, "flags.png") });
    const rows = await tableRows(page);
    await page.keyboard.press("j");
    await page.waitForSelector('tr[data-index="1"].active');
    await page.keyboard.press("k");
    await page.waitForSelector('tr[data-index="0"].active');
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/flags/${rows[0].id}\\?`));
    openedId = rows[0].id;
    expect(page.url()).toContain("sort=severity.desc");
    const span = page.getByTestId("flagged-span");
    expect((await span.textContent())!.length).toBeGreaterThan(3);
    expect(await page.getByTestId("paragraph").textContent()).toContain(await span.textContent());
    expect((await page.getByTestId("explanation").textContent())!.length).toBeGreaterThan(10);
    // Next keeps the view's query string, and j/k walk the view from the flag page.
    const next = page.getByTestId("next");
    expect(await next.getAttribute("href")).toBe(`/flags/${rows[1].id}?sort=severity.desc`);
    await page.keyboard.press("j");
    await page.waitForURL(new RegExp(`/flags/${rows[1].id}\\?sort=severity.desc$`));
    await page.getByRole("heading", { name: `Flag ${rows[1].id}:` }).waitFor();
    await page.getByTestId("prev").waitFor();
    await page.keyboard.press("k");
    await page.waitForURL(new RegExp(`/flags/${rows[0].id}\\?sort=severity.desc$`));
    await page.getByTestId("flagged-span").waitFor();
  });

  it("marks the flag unsupported with a note, and the change survives a reload", async () => {
    await page.locator("#flag-note").fill("Checked the council minutes: no such statement.");
    await page.locator('button[data-status="unsupported"]').click();
    await expect.poll(() => page.getByTestId("flag-status").textContent()).toBe("unsupported");
    await page.reload();
    expect(await page.getByTestId("flag-status").textContent()).toBe("unsupported");
    expect(await page.locator("#flag-note").inputValue()).toBe("Checked the council minutes: no such statement.");
    const history = await page.getByTestId("history").textContent();
    expect(history).toContain("Robin Desk");
    expect(history).toContain("open → unsupported");
    await page.screenshot({ path: path.join(SHOTS, "flag.png") });
  });

  it("bulk-dismisses two selected flags in one change", async () => {
    await gotoFlags(page, "?status=open");
    const before = await total(page);
    const rows = await tableRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const picked = rows.slice(0, 2).map((r) => r.id);
    for (const id of picked) await page.locator(`tr[data-flag-id="${id}"] input[type="checkbox"]`).check();
    await page.locator('button[data-bulk="dismissed"]').click();
    await expect.poll(() => total(page)).toBe(before - 2);
    await gotoFlags(page, "?status=dismissed");
    const dismissed = (await tableRows(page)).map((r) => r.id);
    for (const id of picked) expect(dismissed).toContain(id);
  });

  it("triages from the keyboard and focuses search with /", async () => {
    await gotoFlags(page, "?status=open");
    const before = await total(page);
    const [first] = await tableRows(page);
    await page.keyboard.press("v");
    await expect.poll(() => page.getByTestId("message").textContent()).toBe(`Flag ${first.id} marked verified.`);
    await expect.poll(() => total(page)).toBe(before - 1);
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("flag-search");
    // Typing in the search box is text, not shortcuts.
    await page.keyboard.type("vud");
    expect(await page.locator("#flag-search").inputValue()).toBe("vud");
    await page.locator("#flag-search").fill("");
    await page.keyboard.press("Enter");
    await page.goto(`${baseUrl}/flags/${first.id}`);
    expect(await page.getByTestId("flag-status").textContent()).toBe("verified");
  });

  it("edits a note from the table with n", async () => {
    await gotoFlags(page, "?status=open");
    const [first] = await tableRows(page);
    await page.keyboard.press("n");
    const box = page.getByRole("dialog").getByLabel("Note");
    await box.waitFor();
    await box.fill("Asked the wire desk for the original audio.");
    await page.getByRole("button", { name: "Save note" }).click();
    await expect.poll(() => page.getByTestId("message").textContent()).toBe(`Note saved on flag ${first.id}.`);
    await page.goto(`${baseUrl}/flags/${first.id}`);
    expect(await page.locator("#flag-note").inputValue()).toBe("Asked the wire desk for the original audio.");
    expect(await page.getByTestId("history").textContent()).toContain("note");
  });

  it("exports the view as CSV with the editor's note", async () => {
    await gotoFlags(page, "?status=unsupported");
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[data-export="csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const file = await download.path();
    const csv = fs.readFileSync(file!, "utf8");
    expect(csv).toContain("Checked the council minutes: no such statement.");
    // The export honours the filter on screen: dismissed flags are not in it.
    const dismissedExport = await page.request.get(`${baseUrl}/api/export?status=dismissed&format=csv`);
    expect(dismissedExport.status()).toBe(200);
    expect(await dismissedExport.text()).not.toContain("Checked the council minutes");
  });

  it("answers bad export input with a 400 and one JSON error shape", async () => {
    const bad = await page.request.get(`${baseUrl}/api/export?format=xls`);
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "bad_format", message: expect.stringContaining("format") } });
    const badKind = await page.request.get(`${baseUrl}/api/export?format=csv&kind=nonsense`);
    expect(badKind.status()).toBe(400);
    expect((await badKind.json()).error.message).toContain('unknown kind "nonsense"');
  });

  it("refuses a change made from a stale view instead of overwriting it", async () => {
    await gotoFlags(page, "?status=open");
    const [target] = await tableRows(page);
    const other = await context.newPage();
    try {
      await page.goto(`${baseUrl}/flags/${target.id}`);
      await other.goto(`${baseUrl}/flags/${target.id}`);
      await page.locator('button[data-status="verified"]').click();
      await expect.poll(() => page.getByTestId("flag-status").textContent()).toBe("verified");
      // The second page still shows "open" and tries to dismiss.
      expect(await other.getByTestId("flag-status").textContent()).toBe("open");
      await other.locator('button[data-status="dismissed"]').click();
      const error = other.getByTestId("triage-error");
      await error.waitFor();
      expect(await error.textContent()).toMatch(new RegExp(`Flag ${target.id} was changed by Robin Desk at .* since you opened it; reload to see the change`));
      await other.reload();
      expect(await other.getByTestId("flag-status").textContent()).toBe("verified");
    } finally {
      await other.close();
    }
  });

  it("shows a story's coverage matrix and the reader with flagged spans as text", async () => {
    await page.goto(`${baseUrl}/stories`);
    await page.locator("table.list tbody tr a").first().click();
    await page.waitForSelector('[data-testid="reader"]');
    expect(await page.locator('[data-testid="coverage"] td.cov').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="reader"] mark').count()).toBeGreaterThan(0);
    // Untrusted article text is rendered as text: no element from the body slips in.
    expect(await page.locator('[data-testid="reader"] script, [data-testid="reader"] img').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    expect(openedId).toBeGreaterThan(0);
  });
});
