/**
 * The editor's desk in Chromium: every export opened from the table and read
 * back, the 390 px phone layout, the note dialog's guard and Ctrl+Enter, the
 * status facet at 0 and an empty view that names its filters, readable
 * messages for bad URL parameters, tab titles, and "Reopen" not pressed on an
 * open flag. Signed in as the editor; shares the database of the other files
 * (see global-setup.ts), so it triages a flag of its own first.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, signIn, browserSkipReason } from "./browser";
import { ORGANISATION, PUBLIC_URL } from "./global-setup";

const baseUrl = inject("baseUrl");
const accounts = inject("accounts");
const why = browserSkipReason(baseUrl);

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
const pageErrors: string[] = [];

async function total(p: Page): Promise<number> {
  const t = await p.getByTestId("total").textContent();
  return Number(/(\d+)/.exec(t ?? "")?.[1] ?? NaN);
}

async function rowIds(p: Page): Promise<number[]> {
  return p.$$eval("table.flags tbody tr", (trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.flagId)));
}

/** Clicks an export link of the table and returns the downloaded file's name and text. */
async function download(p: Page, format: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([p.waitForEvent("download"), p.locator(`a[data-export="${format}"]`).click()]);
  const file = await d.path();
  return { name: d.suggestedFilename(), text: fs.readFileSync(file!, "utf8") };
}

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      (row = []), (field = ""), i++;
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

async function noSideScroll(p: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return p.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
}

describe.skipIf(Boolean(why))(`the editor's desk in Chromium${why ? ` (skipped: ${why})` : ""}`, () => {
  beforeAll(async () => {
    ({ context, close } = await launchBrowser());
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await signIn(page, baseUrl, accounts.editor);
  });
  afterAll(async () => {
    await close?.();
  });

  let triagedId = 0;
  it("shows Reopen unpressed on a flag nobody triaged, and names the flag in the tab", async () => {
    await page.goto(`${baseUrl}/flags?status=open&sort=confidence.desc`);
    await page.waitForSelector("table.flags tbody tr");
    const [id] = await rowIds(page);
    await page.goto(`${baseUrl}/flags/${id}`);
    await page.getByTestId("flag-status").waitFor();
    expect(await page.locator('button[data-status="open"]').getAttribute("aria-pressed")).toBe("false");
    expect(await page.title()).toMatch(new RegExp(`^Flag ${id}: [a-z ]+ · .+ · “.+” · Parallax$`));
    // Triage it for the exports below: unsupported, with a note typed and saved with Ctrl+Enter first.
    await page.locator("#flag-note").fill("Desk test: the wire has the full quote.");
    await page.locator("#flag-note").press("Control+Enter");
    await expect.poll(() => page.getByTestId("triage-ok").textContent()).toBe("Note saved.");
    await page.locator('button[data-status="unsupported"]').click();
    await expect.poll(() => page.getByTestId("flag-status").textContent()).toBe("unsupported");
    expect(await page.locator('button[data-status="unsupported"]').getAttribute("aria-pressed")).toBe("true");
    expect(await page.locator('button[data-status="open"]').getAttribute("aria-pressed")).toBe("false");
    triagedId = id;
  });

  it("opens every export of the view from the table and each says what the editor needs", async () => {
    await page.goto(`${baseUrl}/flags?status=unsupported`);
    await page.waitForSelector(`tr[data-flag-id="${triagedId}"]`);
    const shown = await total(page);

    const json = JSON.parse((await download(page, "json")).text);
    expect(json.flags).toHaveLength(shown);
    const flag = json.flags.find((f: { id: number }) => f.id === triagedId);
    expect(flag.note).toBe("Desk test: the wire has the full quote.");
    expect(flag.history.at(-1)).toMatchObject({ actor: "editor", editor: "Robin Desk", toStatus: "unsupported" });

    const csv = await download(page, "csv");
    expect(csv.name).toMatch(/\.csv$/);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ""));
    const header = rows[0];
    const row = rows.find((r) => r[0] === String(triagedId))!;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell("storyTitle")).toBe(json.stories.find((s: { id: number }) => s.id === flag.storyId).title);
    expect(cell("triagedBy")).toBe("Robin Desk");
    expect(Date.parse(cell("triagedAt"))).toBeGreaterThan(Date.now() - 10 * 60_000);
    const byArticle = new Map<number, string>(flag.evidence.map((e: { articleId: number; outlet: string }) => [e.articleId, e.outlet]));
    expect(cell("counterpartOutlets")).toBe([...byArticle.values()].join(" | "));
    // Addresses, never local paths of the ingested files.
    expect(csv.text).not.toMatch(/counterpartUrls[^\r]*db\/sample/);
    expect(cell("counterpartUrls")).not.toMatch(/\/tmp\/|db\/sample|\.txt|\.html/);

    const md = (await download(page, "md")).text;
    expect(md).toContain("triaged by Robin Desk, ");
    expect(md).toMatch(/\*\*Status:\*\* unsupported · triaged by Robin Desk, \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(md).not.toMatch(/db\/sample|\/tmp\//);
    // Prose reads as written: no backslash before the punctuation of ordinary sentences.
    expect(md).not.toMatch(/\\[().!\-{}]/);
    expect(md).toMatch(/^> /m);

    const reviews = JSON.parse((await download(page, "claimreview")).text);
    expect(reviews.length).toBe(shown);
    const review = reviews.find((r: { url: string }) => r.url === `${PUBLIC_URL}/flags/${triagedId}`);
    expect(review).toBeDefined();
    expect(review.author.name).toBe(ORGANISATION);
    for (const r of reviews) expect(r.url.startsWith(`${PUBLIC_URL}/flags/`)).toBe(true);
    expect(JSON.stringify(reviews)).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it("lists every status in the facet even at 0, and an empty view keeps and names its filters", async () => {
    await page.goto(`${baseUrl}/flags?status=verified&q=zqxjv`);
    await page.getByTestId("empty-view").waitFor();
    const statuses = await page.$$eval('fieldset[data-facet="status"] input', (xs) => xs.map((x) => (x as HTMLInputElement).value));
    expect(statuses).toEqual(["open", "verified", "unsupported", "dismissed"]);
    const counts = await page.$$eval('fieldset[data-facet="status"] .count', (xs) => xs.map((x) => Number(x.textContent)));
    expect(counts).toEqual([0, 0, 0, 0]);
    expect(await page.locator('fieldset[data-facet="status"] input[value="verified"]').isChecked()).toBe(true);
    expect(await page.getByTestId("active-filters").textContent()).toBe("Active filters: status: verified · search: “zqxjv”");
    expect(await page.locator("#flag-search").inputValue()).toBe("zqxjv");
    await page.getByRole("button", { name: "Clear filters" }).waitFor();
  });

  it("asks before the note dialog discards a typed note, and saves it on Ctrl+Enter", async () => {
    await page.goto(`${baseUrl}/flags?status=open`);
    await page.waitForSelector("table.flags tbody tr");
    const [first] = await rowIds(page);
    await page.keyboard.press("n");
    const box = page.getByRole("dialog").getByLabel("Note");
    await box.waitFor();
    await box.fill("Typed, not yet saved.");
    // Escape asks; keeping the note leaves the dialog open with the text.
    const asked: string[] = [];
    page.once("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.keyboard.press("Escape");
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain("Discard");
    expect(await box.isVisible()).toBe(true);
    expect(await box.inputValue()).toBe("Typed, not yet saved.");
    // Cancel asks too; declining keeps it.
    page.once("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => asked.length).toBe(2);
    expect(await box.isVisible()).toBe(true);
    await box.press("Control+Enter");
    await expect.poll(() => page.getByTestId("message").textContent()).toBe(`Note saved on flag ${first}.`);
    await page.goto(`${baseUrl}/flags/${first}`);
    expect(await page.locator("#flag-note").inputValue()).toBe("Typed, not yet saved.");
  });

  it.each([
    ["/flags?page=abc", /^Invalid view in the URL: page must be a whole number, got "abc"\. Showing every flag instead\.$/],
    ["/flags?sort=nonsense.up", /^Invalid view in the URL: sort: bad sort "nonsense\.up" \(expected <column>\.asc or <column>\.desc/],
    ["/flags?kind=rumour&size=7", /unknown kind "rumour".*size must be one of 25, 50, 100, 200/],
    ["/flags?q=%E0%A4%A", /./],
    ["/stories?page=-2", /Invalid page in the URL \(expected a whole number from 1\); showing the first page\./],
  ])("answers the bad parameter %s with a readable message, not a crash", async (path, message) => {
    const res = await page.goto(`${baseUrl}${path}`);
    expect(res?.status()).toBe(200);
    const alert = page.getByRole("alert").first();
    if (path.includes("%A4%A")) {
      // A malformed escape is read as the characters it has: the page still shows the table.
      await page.getByTestId("total").waitFor();
      return;
    }
    expect(await alert.textContent()).toMatch(message);
    await page.locator("h1").waitFor();
  });

  it("names the story in the tab", async () => {
    await page.goto(`${baseUrl}/stories`);
    const link = page.locator("table.list tbody tr a").first();
    const title = (await link.textContent())!.trim();
    await link.click();
    await page.waitForURL(/\/stories\/\d+/);
    // A client-side navigation changes the URL before the new page's metadata sets the title.
    await expect.poll(() => page.title()).toBe(`${title} · Parallax`);
  });

  it("fits a 390 px phone: no sideways scroll on /flags, /stories and a story page", async () => {
    const phone = await context.newPage();
    try {
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(`${baseUrl}/flags`);
      await phone.waitForSelector("table.flags tbody tr");
      const flags = await noSideScroll(phone);
      expect(flags.scrollWidth).toBeLessThanOrEqual(flags.innerWidth);
      await phone.goto(`${baseUrl}/stories`);
      await phone.waitForSelector("table.list tbody tr");
      const list = await noSideScroll(phone);
      expect(list.scrollWidth).toBeLessThanOrEqual(list.innerWidth);
      const href = await phone.locator("table.list tbody tr a").first().getAttribute("href");
      await phone.goto(`${baseUrl}${href}`);
      await phone.locator("h1").waitFor();
      const story = await noSideScroll(phone);
      expect(story.scrollWidth).toBeLessThanOrEqual(story.innerWidth);
      await phone.goto(`${baseUrl}/flags/${triagedId}`);
      await phone.getByTestId("flag-status").waitFor();
      const flag = await noSideScroll(phone);
      expect(flag.scrollWidth).toBeLessThanOrEqual(flag.innerWidth);
    } finally {
      await phone.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
