import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../db/client";
import { articles, flags, outlets, stories } from "../../db/schema";
import { exportJsonSchema, parseCsv } from "./fixture";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
let dir: string;
let dbFile: string;
let storyId: number;

/** The environment without the publishing settings, so the machine's own cannot change what a test sees. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const k of ["PARALLAX_PUBLIC_URL", "PARALLAX_ORGANISATION"]) if (!(k in extra)) delete env[k];
  return env;
}

function run(...args: string[]) {
  return runWith({}, ...args);
}

function runWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(TSX, ["scripts/export.ts", ...args], { cwd: ROOT, encoding: "utf8", env: cleanEnv(env) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-export-cli-"));
  dbFile = path.join(dir, "cli.db");
  const db = openDb(dbFile);
  const at = "2026-03-01T00:00:00.000Z";
  const o = db.insert(outlets).values({ name: "Alpha" }).returning({ id: outlets.id }).get().id;
  storyId = db.insert(stories).values({ title: "S", createdAt: at, updatedAt: at }).returning({ id: stories.id }).get().id;
  const a = db.insert(articles).values({ outletId: o, storyId, source: "a.txt", title: "A", body: "-1 degrees today.", contentHash: "h", ingestedAt: at }).returning({ id: articles.id }).get().id;
  db.insert(flags).values({ fingerprint: "f", storyId, articleId: a, kind: "fact_conflict", severity: "high", severityRank: 2, confidence: 0.7, text: "-1 degrees today.", start: 0, end: 17, explanation: "Others say 1 degree.", status: "verified", createdAt: at, updatedAt: at }).run();
  db.$client.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run export", () => {
  it("writes JSON to stdout", () => {
    const r = run("--format", "json", "--db", dbFile);
    expect(r.code).toBe(0);
    expect(exportJsonSchema.parse(JSON.parse(r.stdout)).flags[0].text).toBe("-1 degrees today.");
  });

  it("writes a file with --out, honouring filters", () => {
    const out = path.join(dir, "flags.csv");
    const r = run("--format", "csv", "--out", out, "--story", String(storyId), "--status", "verified,unsupported", "--db", dbFile);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("wrote csv");
    const rows = parseCsv(fs.readFileSync(out, "utf8").replace(/^\uFEFF/, ""));
    expect(rows).toHaveLength(2);
    expect(rows[1][rows[0].indexOf("text")]).toBe("'-1 degrees today.");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.each([
    [["--format", "xml"], /--format must be one of json, csv, md, claimreview, got "xml"/],
    [["--story", "1"], /--format is required/],
    [["--format", "json", "--status", "maybe"], /--status must be one of open, verified, unsupported, dismissed, got "maybe"/],
    [["--format", "json", "--story", "abc"], /--story must be a positive story id, got "abc"/],
    [["--format", "json", "--kind", "rumour"], /--kind must be one of/],
    [["--format", "json", "--frobnicate"], /Unknown option '--frobnicate'/],
  ])("rejects %j with a clear message and exit 1", (args, message) => {
    const r = run(...args, "--db", dbFile);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  it("rejects a story that does not exist", () => {
    const r = run("--format", "md", "--story", "999", "--db", dbFile);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no story with id 999");
  });

  it("rejects an --out folder that does not exist, writing nothing", () => {
    const r = run("--format", "md", "--out", path.join(dir, "missing", "x.md"), "--db", dbFile);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("does not exist");
  });

  it("publishes ClaimReview under PARALLAX_PUBLIC_URL and PARALLAX_ORGANISATION, flags winning over them", () => {
    const env = { PARALLAX_PUBLIC_URL: "https://desk.example.org/parallax/", PARALLAX_ORGANISATION: "The Example Desk" };
    const r = runWith(env, "--format", "claimreview", "--db", dbFile);
    expect(r.code).toBe(0);
    const [review] = JSON.parse(r.stdout);
    expect(review.url).toMatch(/^https:\/\/desk\.example\.org\/parallax\/flags\/\d+$/);
    expect(review.author.name).toBe("The Example Desk");
    const flagged = runWith(env, "--format", "claimreview", "--base-url", "https://other.example", "--organisation", "Other Desk", "--db", dbFile);
    expect(JSON.parse(flagged.stdout)[0].url).toMatch(/^https:\/\/other\.example\/flags\/\d+$/);
    expect(JSON.parse(flagged.stdout)[0].author.name).toBe("Other Desk");
  });

  it("without a public URL says so and writes reviews with no url, never a localhost one", () => {
    const r = run("--format", "claimreview", "--db", dbFile);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("no public URL (--base-url or PARALLAX_PUBLIC_URL)");
    expect(r.stderr).toContain("signed \"Parallax\"");
    const [review] = JSON.parse(r.stdout);
    expect(review).not.toHaveProperty("url");
    expect(r.stdout).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it.each([
    [{}, ["--base-url", "http://localhost:3000"], /--base-url "http:\/\/localhost:3000" names localhost/],
    [{ PARALLAX_PUBLIC_URL: "http://127.0.0.1:3000" }, [], /PARALLAX_PUBLIC_URL "http:\/\/127\.0\.0\.1:3000": 127\.0\.0\.1 is a loopback address/],
    [{ PARALLAX_ORGANISATION: "Desk\u0007" }, [], /PARALLAX_ORGANISATION holds control or invisible characters/],
  ])("refuses an unusable setting %j %j", (env, args, message) => {
    const r = runWith(env as Record<string, string>, "--format", "claimreview", ...args, "--db", dbFile);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });
});
