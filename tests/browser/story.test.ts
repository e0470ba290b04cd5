/**
 * The editor's view of a story in real Chromium, on the five real seed articles
 * (../shared/seeds, ingested by global-setup.ts as a story of their own): outlets
 * ranked with a verdict each, the provenance chain of the quote the seeds' README
 * describes as changed and cut (found by its words at test time), the coverage
 * matrix's conflict state, flags grouped by article; and the home page's order.
 * Skipped with a message when the seeds are absent.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser, signIn, SCREENSHOTS, browserSkipReason } from "./browser";

const baseUrl = inject("baseUrl");
const accounts = inject("accounts");
const seedsDir = inject("seedsDir");
const SHOTS = SCREENSHOTS;

const why = browserSkipReason(baseUrl) || (!seedsDir ? "../shared/seeds is absent: no seed story to show" : "");

/** The seeds' README: its table (file → description) and the line naming a changed and cut quote. */
function readSeeds(dir: string): { stems: string[]; described: Map<string, string>; changed: { by: string; from: string; fragment: string; original: string } } {
  const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
  const stems = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => f.replace(/\.txt$/, ""))
    .sort();
  const described = new Map<string, string>();
  for (const m of readme.matchAll(/^\|\s*([^|\s]+)\.txt\s*\|\s*([^|]+)\|/gm)) described.set(m[1], m[2].trim());
  // A line that quotes two versions of one quote, naming the article of each by its number.
  // List items wrap over several lines: one item, one line.
  const items = readme.split(/\n(?=- |\n)/).map((l) => l.replace(/\s+/g, " "));
  const line = items.find((l) => (l.match(/"[^"]+"/g) ?? []).length >= 2 && /\bcut/i.test(l) && (l.match(/\b\d{3}\b/g) ?? []).length >= 2);
  if (!line) throw new Error("the seeds' README names no changed and cut quote");
  const [by, from] = line.match(/\b\d{3}\b/g)!;
  const [fragment, original] = [...line.matchAll(/"([^"]+)"/g)].map((m) => m[1].replace(/\s*(?:\.\.\.|…)\s*$/, ""));
  const stemOf = (n: string) => stems.find((s) => s.startsWith(`${n}_`)) ?? n;
  return { stems, described, changed: { by: stemOf(by), from: stemOf(from), fragment, original } };
}

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
const pageErrors: string[] = [];
let storyPath = "";

describe.skipIf(Boolean(why))(`story page on the seeds in Chromium${why ? ` (skipped: ${why})` : ""}`, () => {
  const seeds = why ? null : readSeeds(seedsDir!);

  beforeAll(async () => {
    ({ context, close } = await launchBrowser());
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(`console: ${m.text()}`);
    });
    await signIn(page, baseUrl, accounts.viewer);
  });
  afterAll(async () => {
    await close?.();
  });

  it("orders the home page's stories by open high-severity flags, then open medium ones, then newest", async () => {
    await page.goto(`${baseUrl}/`);
    const rows = await page.$$eval('[data-testid="attention-row"]', (trs) =>
      trs.map((tr) => {
        const d = (tr as HTMLElement).dataset;
        return { id: Number(d.story), high: Number(d.openHigh), medium: Number(d.openMedium), updated: d.updated ?? "" };
      }),
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      const ok = a.high > b.high || (a.high === b.high && (a.medium > b.medium || (a.medium === b.medium && a.updated >= b.updated)));
      expect(ok, `row ${i} (${JSON.stringify(b)}) sorts after ${JSON.stringify(a)}`).toBe(true);
    }
    // Every row links to its story and shows counts by severity and by status.
    const first = page.locator('[data-testid="attention-row"]').first();
    expect(await first.locator("td").nth(1).textContent()).toMatch(/\d+ high · \d+ medium · \d+ low/);
    expect(await first.locator("td").nth(2).textContent()).toMatch(/\d+ open · \d+ verified · \d+ unsupported · \d+ dismissed/);
  });

  it("ranks the seed outlets by what no other outlet carries, with a verdict each", async () => {
    // The seed story is the one whose outlets are the seed files (their outlet names derive from the file names).
    await page.goto(`${baseUrl}/stories`);
    const link = page.locator("table.list tbody tr", { hasText: seeds!.stems[0] }).locator("a").first();
    storyPath = (await link.getAttribute("href"))!;
    await page.goto(`${baseUrl}${storyPath}`);
    const lines = await page.$$eval('[data-testid="outlet-line"]', (trs) =>
      trs.map((tr) => {
        const d = (tr as HTMLElement).dataset;
        return { outlet: d.outlet ?? "", verdict: d.verdict ?? "", uncarried: d.uncarried === "" ? -1 : Number(d.uncarried), text: tr.textContent ?? "" };
      }),
    );
    expect(lines).toHaveLength(seeds!.stems.length);
    for (let i = 1; i < lines.length; i++) expect(lines[i - 1].uncarried).toBeGreaterThanOrEqual(lines[i].uncarried);
    // The README's description of each file decides what it is: generated text around someone
    // else's story is a padded rewrite; the others are their outlets' own reporting.
    for (const l of lines) {
      const stem = seeds!.stems.find((s) => l.outlet.includes(s))!;
      const padded = /generat/i.test(seeds!.described.get(stem) ?? "");
      expect(l.verdict, `${stem}: ${seeds!.described.get(stem)}`).toBe(padded ? "padded rewrite" : "original reporting");
    }
    expect(lines[0].verdict).toBe("padded rewrite");
    // Plain-text seeds name no outlet: the file-name stand-in is marked as such.
    for (const l of lines) expect(l.text).toContain("from file name");
    expect(lines[0].text).toMatch(/\d+% of .+’s statements are carried by no other outlet; \d+ added blocks/);
    // The outlets, verdicts and the folded sections fit on one screen before scrolling.
    const box = await page.locator('[data-testid="coverage-section"] > summary').boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(900);
    await page.screenshot({ path: path.join(SHOTS, "story.png") });
  });

  it("groups the flags by article and kind, each linking to its flag page", async () => {
    const total = Number(/(\d+) flags in the table/.exec((await page.locator(".nav-links").textContent()) ?? "")?.[1]);
    const section = page.getByTestId("flags-by-article");
    await section.locator("summary").click();
    const links = section.getByTestId("flag-link");
    expect(await links.count()).toBe(total);
    expect(await section.getByTestId("flag-group").count()).toBeGreaterThanOrEqual(2);
    const href = await links.first().getAttribute("href");
    expect(href).toMatch(/^\/flags\/\d+\?story=\d+$/);
  });

  it("traces the changed and cut quote to its first and fullest version, naming the words changed and the clause cut", async () => {
    const { by, from, fragment, original } = seeds!.changed;
    const a = words(fragment);
    const b = words(original);
    const onlyChanged = a.filter((w) => !b.includes(w));
    const onlyOriginal = b.filter((w) => !a.includes(w));
    // The words the two versions share at their end identify the quote on the page.
    const common: string[] = [];
    for (let i = 1; i <= Math.min(a.length, b.length) && a[a.length - i] === b[b.length - i]; i++) common.unshift(a[a.length - i]);
    expect(onlyChanged.length).toBeGreaterThan(0);
    expect(common.length).toBeGreaterThanOrEqual(2);

    const section = page.getByTestId("provenance-section");
    if ((await section.getAttribute("open")) === null) await section.locator("> summary").click();
    const blocks = section.getByTestId("provenance");
    const n = await blocks.count();
    let index = -1;
    for (let i = 0; i < n; i++) if (words((await blocks.nth(i).textContent()) ?? "").join(" ").includes(common.join(" "))) index = index < 0 ? i : index;
    expect(index, `no provenance for the quote "${common.join(" ")}"`).toBeGreaterThanOrEqual(0);
    const block = blocks.nth(index);
    if ((await block.getAttribute("open")) === null) await block.locator("> summary").click();

    const versions = block.getByTestId("prov-version");
    const first = versions.first();
    expect(await first.getAttribute("data-outlet")).toContain(from);
    expect(await first.getAttribute("data-first")).toBe("true");
    expect(await block.locator('[data-testid="prov-version"][data-fullest="true"]').getAttribute("data-outlet")).toContain(from);

    const changer = block.locator(`[data-testid="prov-version"][data-outlet*="${by}"]`);
    expect(await changer.getAttribute("data-parent-outlet")).toContain(from);
    const changed = changer.locator('[data-testid="prov-change"][data-kind="changed"]');
    expect(await changed.count()).toBeGreaterThanOrEqual(1);
    const changedText = words((await changed.first().textContent()) ?? "");
    for (const w of [...onlyChanged, ...onlyOriginal]) expect(changedText).toContain(w);
    expect(await changer.locator('[data-testid="prov-change"][data-kind="cut"]').count()).toBeGreaterThanOrEqual(1);
    // The diff against the version it came from strikes the original's words and underlines the new ones.
    const diff = changer.getByTestId("prov-diff");
    expect(words((await diff.locator("del").allTextContents()).join(" "))).toEqual(expect.arrayContaining(onlyOriginal));
    expect(words((await diff.locator("ins").allTextContents()).join(" "))).toEqual(expect.arrayContaining(onlyChanged));
    await block.scrollIntoViewIfNeeded();
    await block.screenshot({ path: path.join(SHOTS, "provenance.png") });
  });

  it("shows a flagged figure conflict as conflict in the coverage matrix, linked to its flag, with a legend", async () => {
    const section = page.getByTestId("coverage-section");
    if ((await section.getAttribute("open")) === null) await section.locator("> summary").click();
    expect(await page.getByTestId("coverage-legend").textContent()).toContain("conflict");
    const conflicts = page.locator('[data-testid="coverage"] td[data-cell="conflict"]');
    expect(await conflicts.count()).toBeGreaterThan(0);
    // Each row with a conflict links to its flags; the conflict cell opens a conflict flag.
    const row = page.locator('[data-testid="coverage"] tr:has(td[data-cell="conflict"])');
    expect(await row.first().getByTestId("row-flag").count()).toBeGreaterThan(0);
    const href = await conflicts.first().locator("a").getAttribute("href");
    expect(href).toMatch(/^\/flags\/\d+/);
    await page.goto(`${baseUrl}${href}`);
    expect(await page.locator(".flag-head h1 .kind").textContent()).toMatch(/fact conflict|attribution conflict/);
    expect(pageErrors).toEqual([]);
  });

  it("fits the story page and the home page in 390 px without horizontal scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const p of [storyPath, "/"]) {
        await page.goto(`${baseUrl}${p}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(390);
      }
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });
});
