/**
 * Ingest jobs started from the dashboard (/ingest). A job row records what was
 * asked; a separate process (scripts/ingest-job.ts) runs it with the CLI's own
 * code (ingestInputs, then analyzePending under its lock) and writes its
 * progress into the row, which the page polls. A job whose process died is
 * reported as such when it is next read, instead of spinning for ever.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { analyzePending } from "./analyze";
import { pidAlive } from "./analyze/lock";
import type { Db } from "./client";
import { ingestInputs, type IngestOptions, type IngestResult } from "./ingest";

export const JOB_STATUSES = ["queued", "ingesting", "analyzing", "done", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** What a job was asked to do. Files were saved by the dashboard under `path` and are known by `name`. */
export interface JobRequest {
  urls: string[];
  files: { name: string; path: string }[];
  /** Uploads refused before the job began (size, type), one line each; shown with the results. */
  rejected: string[];
  outlet?: string;
  story?: string;
  /** The temporary folder the files are in, removed when the job ends. */
  uploadDir?: string;
  /** No inputs: only analyse the stories marked dirty (after an outlet rename or merge). */
  analyzeOnly?: boolean;
}

/** One line of a job's results. */
export interface JobLine {
  status: IngestResult["status"];
  input: string;
  source: string | null;
  articleId: number | null;
  outlet?: string;
  outletOrigin?: string;
  title?: string;
  error: string | null;
  notes?: string[];
}

/** A story the job's articles went to, with the flags they carry. */
export interface JobStory {
  id: number;
  title: string;
  /** Flags raised on the job's articles, and how many of them are open. */
  flags: number;
  open: number;
}

export interface JobView {
  id: number;
  status: JobStatus;
  createdAt: string;
  updatedAt: string;
  done: number;
  total: number;
  counts: { added: number; revised: number; unchanged: number; failed: number };
  /** The first MAX_SHOWN_LINES lines; `more` counts the rest. */
  lines: JobLine[];
  more: number;
  stories: JobStory[] | null;
  error: string | null;
}

/** Result lines a job keeps: a 10,000-record JSON Lines file must not make every progress write rewrite megabytes. */
export const MAX_SHOWN_LINES = 500;
/** How often a running job writes its progress (and once at the end). */
const PROGRESS_EVERY_MS = 400;

/** Prefix of the temporary folders uploads are saved in: the only folders a job removes. */
export const UPLOAD_DIR_PREFIX = "parallax-upload-";

function isUploadDir(dir: string): boolean {
  const resolved = path.resolve(dir);
  return path.dirname(resolved) === path.resolve(os.tmpdir()) && path.basename(resolved).startsWith(UPLOAD_DIR_PREFIX);
}

/** Records a new job (status queued) for `userId`; returns its id. */
export async function createJob(db: Db, request: JobRequest, userId: string | null, now = new Date()): Promise<number> {
  const { ingestJobs } = db.t;
  const at = now.toISOString();
  const row = (await db
    .insert(ingestJobs)
    .values({ userId, status: "queued", request: JSON.stringify(request), createdAt: at, updatedAt: at, results: JSON.stringify(request.rejected.map(rejectedLine)) })
    .returning({ id: ingestJobs.id }))[0];
  return row.id;
}

function rejectedLine(message: string): JobLine {
  return { status: "failed", input: message.split(":")[0], source: null, articleId: null, error: message };
}

function toLine(r: IngestResult): JobLine {
  return {
    status: r.status,
    input: r.input,
    source: r.source,
    articleId: r.articleId,
    ...(r.outlet !== undefined ? { outlet: r.outlet, outletOrigin: r.outletOrigin } : {}),
    ...(r.title !== undefined ? { title: r.title } : {}),
    error: r.error,
    ...(r.notes ? { notes: r.notes } : {}),
  };
}

/** Marks a job failed with one line (unless it already ended). */
export async function failJob(db: Db, id: number, error: string, now = new Date()): Promise<void> {
  const { ingestJobs } = db.t;
  await db.update(ingestJobs)
    .set({ status: "failed", error, updatedAt: now.toISOString() })
    .where(and(eq(ingestJobs.id, id), inArray(ingestJobs.status, ["queued", "ingesting", "analyzing"])));
}

/** A job as the page shows it, or null when there is no such job. A running job whose process is gone is marked failed first. */
export async function getJob(db: Db, id: number): Promise<JobView | null> {
  const { ingestJobs } = db.t;
  let row = (await db.select().from(ingestJobs).where(eq(ingestJobs.id, id)))[0];
  if (!row) return null;
  if ((row.status === "ingesting" || row.status === "analyzing") && row.pid != null && !pidAlive(row.pid)) {
    await failJob(db, id, "The ingest process stopped before it finished (the server restarted or the process was killed); what it stored is kept. Start the ingest again to finish it.");
    row = (await db.select().from(ingestJobs).where(eq(ingestJobs.id, id)))[0]!;
  }
  const all = JSON.parse(row.results) as JobLine[];
  const saved = JSON.parse(row.outcome ?? "null") as { counts: JobView["counts"]; stories: JobStory[] | null; more: number } | null;
  const counts = saved?.counts ?? { added: 0, revised: 0, unchanged: 0, failed: 0 };
  if (!saved) for (const l of all) counts[l.status]++;
  return {
    id: row.id,
    status: row.status as JobStatus,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    done: row.done,
    total: row.total,
    counts,
    lines: all.slice(0, MAX_SHOWN_LINES),
    more: (saved?.more ?? 0) + Math.max(0, all.length - MAX_SHOWN_LINES),
    stories: saved?.stories ?? null,
    error: row.error,
  };
}

/** The latest jobs, newest first (ids and states, for the page's list). */
export async function recentJobs(db: Db, limit = 10): Promise<{ id: number; status: JobStatus; createdAt: string; done: number; total: number }[]> {
  const { ingestJobs } = db.t;
  return (await db
    .select({ id: ingestJobs.id, status: ingestJobs.status, createdAt: ingestJobs.createdAt, done: ingestJobs.done, total: ingestJobs.total })
    .from(ingestJobs)
    .orderBy(desc(ingestJobs.id))
    .limit(limit)) as { id: number; status: JobStatus; createdAt: string; done: number; total: number }[];
}

/** The stories of `articleIds` with the flags on those articles (all, open). */
async function storiesOf(db: Db, articleIds: number[]): Promise<JobStory[]> {
  const { stories, articles } = db.t;
  if (!articleIds.length) return [];
  const out = new Map<number, JobStory>();
  // In slices: SQLite bounds the parameters of one statement.
  for (let i = 0; i < articleIds.length; i += 500) {
    const ids = articleIds.slice(i, i + 500);
    const rows = await db
      .select({
        id: stories.id,
        title: stories.title,
        flags: sql<number>`(select count(*) from flags f where f.article_id = ${articles.id})`.mapWith(Number),
        open: sql<number>`(select count(*) from flags f where f.article_id = ${articles.id} and f.status = 'open')`.mapWith(Number),
      })
      .from(articles)
      .innerJoin(stories, eq(stories.id, articles.storyId))
      .where(inArray(articles.id, ids));
    for (const r of rows) {
      const s = out.get(r.id) ?? { id: r.id, title: r.title, flags: 0, open: 0 };
      s.flags += r.flags;
      s.open += r.open;
      out.set(r.id, s);
    }
  }
  return [...out.values()].sort((a, b) => b.flags - a.flags || a.id - b.id);
}

export interface RunJobOptions extends Pick<IngestOptions, "addressPolicy" | "allowPrivateAddresses" | "maxBytes" | "timeoutMs"> {
  now?: () => Date;
  /** Analysis worker threads (see AnalyzeOptions.workers). */
  workers?: number;
}

/**
 * Runs job `id`: ingests its inputs (progress written as it goes), analyses what
 * changed, records the stories and flags of the new articles, removes the uploaded
 * files. Never throws for a problem of the job's own: the job ends `failed` with one line.
 */
export async function runJob(db: Db, id: number, opts: RunJobOptions = {}): Promise<JobView> {
  const { ingestJobs } = db.t;
  const now = opts.now ?? (() => new Date());
  const row = (await db.select().from(ingestJobs).where(eq(ingestJobs.id, id)))[0];
  if (!row) throw new Error(`runJob: job ${id} does not exist`);
  if (row.status !== "queued") throw new Error(`runJob: job ${id} is ${row.status}, not queued`);
  const request = JSON.parse(row.request) as JobRequest;
  const lines: JobLine[] = request.rejected.map(rejectedLine);
  const counts = { added: 0, revised: 0, unchanged: 0, failed: lines.length };
  let more = 0;
  const touched: number[] = [];
  // Progress is written from ingest's callback, which does not wait: the writes are chained so they land in order.
  let written: Promise<unknown> = Promise.resolve();
  const write = (set: Partial<typeof ingestJobs.$inferInsert>): Promise<unknown> =>
    (written = written.then(() => db.update(ingestJobs).set({ ...set, updatedAt: now().toISOString() }).where(eq(ingestJobs.id, id))));
  await write({ status: request.analyzeOnly ? "analyzing" : "ingesting", pid: process.pid });
  try {
    if (!request.analyzeOnly) {
      const inputs = [...request.urls, ...request.files];
      let last = 0;
      let done = 0;
      let total = inputs.length;
      const flush = () => write({ done, total, results: JSON.stringify(lines) });
      if (inputs.length) {
        await ingestInputs(db, inputs, {
          outlet: request.outlet,
          story: request.story,
          addressPolicy: opts.addressPolicy,
          allowPrivateAddresses: opts.allowPrivateAddresses,
          maxBytes: opts.maxBytes,
          timeoutMs: opts.timeoutMs,
          now,
          onResult: (r, d, t) => {
            counts[r.status]++;
            if (r.articleId != null && (r.status === "added" || r.status === "revised")) touched.push(r.articleId);
            if (lines.length < MAX_SHOWN_LINES) lines.push(toLine(r));
            else more++;
            done = d;
            total = t;
            const t0 = Date.now();
            if (t0 - last >= PROGRESS_EVERY_MS) {
              last = t0;
              flush();
            }
          },
        });
      }
      await flush();
      await write({ status: "analyzing" });
    }
    await analyzePending(db, { now, workers: opts.workers });
    const found = await storiesOf(db, touched);
    await write({ status: "done", results: JSON.stringify(lines), outcome: JSON.stringify({ counts, stories: found, more }) });
  } catch (e) {
    console.error(e);
    await written.catch(() => {});
    await write({ results: JSON.stringify(lines), outcome: JSON.stringify({ counts, stories: null, more }) });
    await failJob(db, id, `The job stopped: ${(e as Error).message}. What was stored before is kept.`, now());
  } finally {
    if (request.uploadDir && isUploadDir(request.uploadDir)) fs.rmSync(request.uploadDir, { recursive: true, force: true });
  }
  return (await getJob(db, id))!;
}
