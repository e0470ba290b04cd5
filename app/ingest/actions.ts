"use server";
/**
 * Ingest from the dashboard: checks what was pasted and uploaded, saves the
 * files in a private temporary folder, records a job and starts the process
 * that runs it (the CLI's own ingest and analysis). Editors and admins only.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { createJob, UPLOAD_DIR_PREFIX, type JobRequest } from "../../db/ingest-jobs";
import { formatBytes, isUrl, maxBytesFromEnv } from "../../db/sources";
import { kindForFile } from "../../lib/ingest";
import { MAX_JOB_URLS, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from "../../lib/ingest/limits";
import { checkOutletName } from "../../lib/ingest/outlet-name";
import { validatedActionWithUser } from "../lib/action";
import { requestDb } from "../lib/db";
import { startJobProcess } from "../lib/ingest-runner";

/** A refusal of the whole request, shown as is. */
class IngestRequestError extends Error {}

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Something the person typed or a file name, fit to be shown in one line. */
function shown(text: string, max = 120): string {
  const t = text.replace(UNSAFE, "").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The name an uploaded file is known by: its base name, without folders or invisible characters. */
function uploadName(raw: string, i: number): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  return shown(base, 200) || `upload-${i + 1}`;
}

const optionalText = (field: string, max: number) =>
  z
    .string()
    .max(max, `${field} is at most ${max} characters`)
    .optional()
    .transform((v) => (v ?? "").trim() || undefined);

const fields = z.object({
  urls: z.string().max(MAX_JOB_URLS * 2100, "too much text in the addresses box").default(""),
  outlet: optionalText("outlet", 500),
  story: optionalText("story label", 200),
});

/** Reads the form: addresses (one per line or separated by spaces), files, an optional outlet name and story label. */
async function readRequest(form: FormData): Promise<JobRequest & { uploads: { name: string; bytes: Buffer }[] }> {
  const f = fields.safeParse({ urls: form.get("urls") ?? "", outlet: form.get("outlet") ?? undefined, story: form.get("story") ?? undefined });
  if (!f.success) throw new IngestRequestError(`Nothing was ingested: ${f.error.issues[0]?.message ?? "bad form"}.`);
  let outlet: string | undefined;
  if (f.data.outlet !== undefined) {
    const checked = checkOutletName(f.data.outlet);
    if (!checked.ok) throw new IngestRequestError(`Nothing was ingested: ${checked.problem}.`);
    outlet = checked.name;
  }
  const rejected: string[] = [];
  const tokens = f.data.urls.split(/\s+/).filter(Boolean);
  if (tokens.length > MAX_JOB_URLS) throw new IngestRequestError(`Nothing was ingested: ${tokens.length} addresses given, at most ${MAX_JOB_URLS} at a time.`);
  const urls: string[] = [];
  for (const t of tokens) {
    let ok = isUrl(t);
    if (ok) {
      try {
        new URL(t);
      } catch {
        ok = false;
      }
    }
    if (ok) {
      if (!urls.includes(t)) urls.push(t);
    } else rejected.push(`${shown(t)}: not an http or https address`);
  }
  const files = form.getAll("files").filter((v): v is File => typeof v === "object" && v !== null && "arrayBuffer" in v && (v as File).size >= 0 && (v as File).name !== "");
  if (files.length > MAX_UPLOAD_FILES) throw new IngestRequestError(`Nothing was ingested: ${files.length} files given, at most ${MAX_UPLOAD_FILES} at a time.`);
  const total = files.reduce((n, file) => n + file.size, 0);
  if (total > MAX_UPLOAD_BYTES) throw new IngestRequestError(`Nothing was ingested: the files come to ${formatBytes(total)}, over the ${formatBytes(MAX_UPLOAD_BYTES)} an upload may carry; send them in parts.`);
  const maxBytes = maxBytesFromEnv();
  const uploads: { name: string; bytes: Buffer }[] = [];
  for (const [i, file] of files.entries()) {
    const name = uploadName(file.name, i);
    const kind = kindForFile(name);
    if ("problem" in kind) rejected.push(`${name}: ${kind.problem}`);
    else if (file.size > maxBytes) rejected.push(`${name}: file is ${formatBytes(file.size)}, over the ${formatBytes(maxBytes)} limit for one file`);
    else if (file.size === 0) rejected.push(`${name}: empty file`);
    else uploads.push({ name, bytes: Buffer.from(await file.arrayBuffer()) });
  }
  if (!urls.length && !uploads.length) {
    throw new IngestRequestError(rejected.length ? `Nothing to ingest:\n${rejected.join("\n")}` : "Nothing to ingest: paste article or feed addresses, or choose files.");
  }
  return { urls, files: [], rejected, outlet, story: f.data.story, uploads };
}

/** Starts an ingest; answers the job id the page then follows. */
export const startIngestAction = validatedActionWithUser("articles.ingest", z.instanceof(FormData, { message: "expected the ingest form" }), async (form, user) => {
  let request: Awaited<ReturnType<typeof readRequest>>;
  try {
    request = await readRequest(form);
  } catch (e) {
    if (e instanceof IngestRequestError) return { jobId: null, error: e.message };
    throw e;
  }
  const { uploads, ...job } = request;
  if (uploads.length) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), UPLOAD_DIR_PREFIX));
    job.uploadDir = dir;
    // Saved under numbered names in a folder only this process can read; the articles keep the uploaded names.
    uploads.forEach((u, i) => {
      const file = path.join(dir, String(i + 1));
      fs.writeFileSync(file, u.bytes, { mode: 0o600 });
      job.files.push({ name: u.name, path: file });
    });
  }
  const db = await requestDb();
  const jobId = await createJob(db, job, user.id);
  startJobProcess(db, jobId);
  return { jobId, error: null };
});
