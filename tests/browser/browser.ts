/** Launches Debian's Chromium through playwright-core with a fresh profile; closes and removes it afterwards. */
import fs from "node:fs";
import Database from "better-sqlite3";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.PARALLAX_CHROMIUM ?? "/usr/bin/chromium";

/** Why a browser test file cannot run here ("" when it can): no test server, or no Chromium. */
export function browserSkipReason(baseUrl: string | undefined): string {
  if (!baseUrl) return "no server: run with --config vitest.browser.config.ts";
  if (!fs.existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM} (set PARALLAX_CHROMIUM)`;
  return "";
}

/**
 * Where screenshots go: an ignored folder, so `npm test` leaves the clone clean; `npm run screenshots`
 * (PARALLAX_README_SHOTS=1) writes the README's pictures instead.
 */
export const SCREENSHOTS = process.env.PARALLAX_README_SHOTS === "1" ? path.resolve(__dirname, "screenshots") : path.resolve(__dirname, "..", ".artifacts", "screenshots");
fs.mkdirSync(SCREENSHOTS, { recursive: true });

/** One row read from the test server's database on a read-only connection of its own. */
export function queryOne<T>(dbPath: string, sql: string, ...args: unknown[]): T {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
}

export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the sign-in page as a person would, and waits for the page it leads to. */
export async function signIn(page: Page, baseUrl: string, account: { email: string; password: string }, next = "/"): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByTestId("sign-in-submit").click();
  await page.waitForURL((u) => u.pathname !== "/sign-in");
  await page.getByTestId("editor-name").waitFor();
}

/** The `name=value` cookie header of a context's session, for requests made outside the browser. */
export async function sessionCookie(context: BrowserContext, baseUrl: string): Promise<string> {
  const c = (await context.cookies(baseUrl)).find((x) => x.name === "parallax.session_token" || x.name === "__Secure-parallax.session_token");
  if (!c) throw new Error("not signed in: no session cookie");
  return `${c.name}=${c.value}`;
}

/**
 * One Chromium for tests that need several people signed in at once: each
 * `newContext()` is a separate cookie jar.
 */
export async function launchIsolated(): Promise<{ browser: import("playwright-core").Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return { browser, close: () => browser.close() };
}
