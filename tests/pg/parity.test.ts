/**
 * The same product on both stores: the bundled sample stories ingested and analysed into a
 * SQLite file and into a PostgreSQL database give the same stories, flags, pages, facets,
 * search hits, exports, triage, outlet renames and accounts. Each read the dashboard and
 * the CLI make is compared between the two, so a query that only one dialect runs (or runs
 * differently) fails here.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzePending } from "@/db/analyze";
import { getAuth } from "@/db/auth";
import { closeDb, openDb, openStore, type Db } from "@/db/client";
import { listStoriesByAttention } from "@/db/desk";
import { exportFlags } from "@/db/export";
import { ingestInputs } from "@/db/ingest";
import { createJob, getJob, recentJobs, runJob } from "@/db/ingest-jobs";
import { listOutlets, renameOutlet } from "@/db/outlets";
import { dashboardCounts, flagFacets, getFlag, getStory, listFlags, listStories } from "@/db/queries";
import { getStoryDesk } from "@/db/story-desk";
import { flagTabTitle, storyTabTitle } from "@/db/titles";
import { setFlagNote, setFlagStatus, TriageError } from "@/db/triage";
import { createUser, disableUser, listUsers, setUserRole } from "@/db/users";
import type { FlagQuery } from "@/lib/types";
import { createTestDatabase, PG_SKIP_REASON, PG_URL } from "./pg-test-db";

const SAMPLE = path.resolve(__dirname, "..", "..", "db", "sample", "articles");
const CLOCK = () => new Date("2026-06-01T09:00:00.000Z");

/** The views an editor opens on /flags: filters, sorts, search, pages. */
const VIEWS: { query: FlagQuery; index: number }[] = [
  { query: {}, index: 0 },
  { query: {}, index: 1 },
  { query: { severity: ["high", "medium"], status: ["open"] }, index: 0 },
  { query: { sort: [{ id: "outlet", desc: false }, { id: "text", desc: false }] }, index: 0 },
  { query: { sort: [{ id: "confidence", desc: false }] }, index: 0 },
  { query: { kind: ["quote_paraphrased", "claim_added"], sort: [{ id: "updatedAt", desc: true }] }, index: 0 },
  { query: { q: "said" }, index: 0 },
  { query: { stale: false, story: [1, 2] }, index: 0 },
];

describe.skipIf(!PG_URL)(`the same product on SQLite and PostgreSQL${PG_URL ? "" : ` (skipped: ${PG_SKIP_REASON})`}`, () => {
  let dir: string;
  let lite: Db;
  let pg: Db;
  let drop: () => Promise<void>;
  const both = () => [lite, pg] as const;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-parity-"));
    lite = openDb(path.join(dir, "parity.db"));
    const created = await createTestDatabase();
    drop = created.drop;
    pg = await openStore(created.url);
    for (const db of both()) {
      const run = await ingestInputs(db, [SAMPLE], { now: CLOCK });
      expect(run.failed).toBe(0);
      await analyzePending(db, { now: CLOCK, workers: 0 });
    }
  }, 180_000);

  afterAll(async () => {
    if (pg) await closeDb(pg);
    if (lite) await closeDb(lite);
    await drop?.();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `read` on both stores and expects the same answer. */
  async function same<T>(read: (db: Db) => Promise<T>): Promise<T> {
    const [a, b] = [await read(lite), await read(pg)];
    expect(b).toEqual(a);
    return a;
  }

  it("groups and analyses the sample into the same stories and flags", async () => {
    const counts = await same((db) => dashboardCounts(db));
    expect(counts.stories).toBeGreaterThan(1);
    expect(counts.flags).toBeGreaterThan(10);
    const stories = await same((db) => listStories(db, { index: 0, size: 50 }));
    for (const s of stories.rows) {
      await same((db) => getStory(db, s.id));
      await same((db) => getStoryDesk(db, s.id));
      await same((db) => storyTabTitle(db, s.id));
    }
    await same((db) => listStoriesByAttention(db, 20));
  });

  it("answers every /flags view, its facets and each flag page alike", async () => {
    for (const v of VIEWS) {
      const page = await same((db) => listFlags(db, v.query, { index: v.index, size: 25 }));
      await same((db) => flagFacets(db, v.query));
      for (const r of page.rows.slice(0, 5)) {
        await same((db) => getFlag(db, r.id, v.query));
        await same((db) => flagTabTitle(db, r.id));
      }
    }
    // A search for words of a flag's own text finds it on both (an empty result on both would prove nothing).
    const [one] = (await listFlags(lite, {}, { index: 0, size: 1 })).rows;
    const words = one.text.split(/[^\p{L}]+/u).filter((w) => w.length > 4).slice(0, 2).join(" ");
    const hits = await same((db) => listFlags(db, { q: words }, { index: 0, size: 50 }));
    expect(hits.rows.map((r) => r.id)).toContain(one.id);
    await same((db) => flagFacets(db, { q: words }));
  });

  it("exports the same files in every format", async () => {
    for (const format of ["json", "csv", "md", "claimreview"] as const) {
      await same(async (db) => (await exportFlags(db, { status: ["open"] }, format, CLOCK(), { bom: false })).body);
    }
  });

  it("triages alike: a change, a note, a stale version refused with the same message", async () => {
    const [first] = (await listFlags(lite, {}, { index: 0, size: 1 })).rows;
    const editor = "Ada Editor";
    await same((db) => setFlagStatus(db, { flagIds: first.id, expectedVersions: first.version, status: "verified", note: "Checked", editor, now: CLOCK() }));
    await same((db) => setFlagNote(db, { flagId: first.id, expectedVersion: first.version + 1, note: "Checked twice", editor, now: CLOCK() }));
    await same(async (db) => {
      const e = await setFlagStatus(db, { flagIds: first.id, expectedVersions: first.version, status: "dismissed", editor, now: CLOCK() }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(TriageError);
      return (e as TriageError).message;
    });
    await same((db) => getFlag(db, first.id));
  });

  it("renames and merges outlets alike, and lists them in the same order", async () => {
    const outlets = await same((db) => listOutlets(db));
    expect(outlets.length).toBeGreaterThan(1);
    await same((db) => renameOutlet(db, outlets[0].id, `${outlets[0].name} Online`));
    await same((db) => renameOutlet(db, outlets[1].id, `${outlets[0].name} online`));
    await same((db) => listOutlets(db));
    await same((db) => listFlags(db, {}, { index: 0, size: 50 }));
  });

  it("keeps accounts in the store: sign-in through better-auth, roles, disabling", async () => {
    for (const db of both()) {
      await createUser(db, { email: "ada@example.com", name: "Ada", role: "admin", password: "correct horse battery" }, CLOCK());
      const editor = await createUser(db, { email: "ben@example.com", name: "Ben", role: "viewer", password: "another long secret" }, CLOCK());
      await setUserRole(db, { id: editor.user.id }, "editor", CLOCK());
      const auth = await getAuth(db, { baseURL: "http://127.0.0.1:3000" });
      const ok = await auth.api.signInEmail({ body: { email: "ben@example.com", password: "another long secret" }, asResponse: true });
      expect(ok.status).toBe(200);
      const bad = await auth.api.signInEmail({ body: { email: "ben@example.com", password: "wrong password here" }, asResponse: true });
      expect(bad.status).toBe(401);
      await disableUser(db, { email: "ben@example.com" }, CLOCK());
      const refused = await auth.api.signInEmail({ body: { email: "ben@example.com", password: "another long secret" }, asResponse: true });
      expect(refused.status).toBe(403);
    }
    await same(async (db) => (await listUsers(db)).map(({ email, name, role, disabled }) => ({ email, name, role, disabled })));
  });

  it("records an ingest job and its outcome alike", async () => {
    await same(async (db) => {
      const id = await createJob(db, { urls: [], files: [], rejected: [], analyzeOnly: true }, null, CLOCK());
      const job = await runJob(db, id, { now: CLOCK, workers: 0 });
      const { updatedAt: _u, createdAt: _c, ...rest } = job;
      return { rest, listed: (await recentJobs(db, 1)).map((j) => j.status), again: (await getJob(db, id))?.status };
    });
  });
});
