"use client";
/** The ingest form and the job it started: progress while it runs, every input's line, the stories and flags when done. */
import Link from "next/link";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import type { JobView } from "../../db/ingest-jobs";
import { startIngestAction } from "./actions";
import { OUTLET_ORIGIN_LABELS } from "../../lib/ingest/types";

const POLL_MS = 700;
// Names from metadata are the ordinary case: only the others are said.
const ORIGIN_NOTE: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(OUTLET_ORIGIN_LABELS).filter(([origin]) => origin !== "metadata"));

function size(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} bytes`;
}

function stage(job: JobView): string {
  if (job.status === "queued") return "Starting…";
  if (job.status === "ingesting") return `Reading and storing: ${job.done} of ${job.total || "?"} inputs`;
  if (job.status === "analyzing") return "Analysing the stories that changed…";
  if (job.status === "done") return "Done.";
  return "Stopped.";
}

export function IngestDesk(props: {
  maxFileBytes: number;
  maxUploadBytes: number;
  maxFiles: number;
  initialJob: number | null;
  recent: { id: number; status: string; createdAt: string; done: number; total: number }[];
}) {
  const [jobId, setJobId] = useState<number | null>(props.initialJob);
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileProblems, setFileProblems] = useState<string[]>([]);
  const [pending, start] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (jobId == null) return;
    let stopped = false;
    const poll = async () => {
      try {
        const r = await fetch(`/api/ingest/job?id=${jobId}`, { cache: "no-store" });
        const body = await r.json();
        if (stopped) return;
        if (!r.ok) {
          setError(body?.error?.message ?? `Could not read job ${jobId} (HTTP ${r.status}).`);
          return;
        }
        setJob(body as JobView);
        if (body.status === "done" || body.status === "failed") return;
      } catch {
        if (stopped) return;
        // A dropped poll is retried: the job goes on on the server either way.
      }
      timer.current = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [jobId]);

  function checkFiles(list: FileList | null) {
    const problems: string[] = [];
    const files = Array.from(list ?? []);
    if (files.length > props.maxFiles) problems.push(`${files.length} files chosen, at most ${props.maxFiles} at a time.`);
    const total = files.reduce((n, f) => n + f.size, 0);
    if (total > props.maxUploadBytes) problems.push(`The files come to ${size(total)}, over the ${size(props.maxUploadBytes)} an upload may carry.`);
    for (const f of files) if (f.size > props.maxFileBytes) problems.push(`${f.name}: file is ${size(f.size)}, over the ${size(props.maxFileBytes)} limit for one file (it will be skipped).`);
    setFileProblems(problems);
  }

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const files = data.getAll("files").filter((f): f is File => f instanceof File && f.name !== "");
    if (files.length > props.maxFiles || files.reduce((n, f) => n + f.size, 0) > props.maxUploadBytes) return;
    setError(null);
    start(async () => {
      const r = await startIngestAction(data);
      if (!r.ok) setError(r.error);
      else if (r.data.error) setError(r.data.error);
      else if (r.data.jobId != null) {
        setJob(null);
        setJobId(r.data.jobId);
        form.reset();
        setFileProblems([]);
        window.history.replaceState(null, "", `/ingest?job=${r.data.jobId}`);
      }
    });
  }

  const running = job != null && job.status !== "done" && job.status !== "failed";
  return (
    <>
      <form onSubmit={submit} className="ingest-form" data-testid="ingest-form">
        <label htmlFor="ingest-urls">Article or feed addresses (one per line)</label>
        <textarea id="ingest-urls" name="urls" rows={4} placeholder="https://example.com/news/article.html" data-testid="ingest-urls" />
        <label htmlFor="ingest-files">Files</label>
        <input id="ingest-files" type="file" name="files" multiple accept=".txt,.md,.html,.htm,.json,.jsonl" onChange={(e) => checkFiles(e.target.files)} />
        {fileProblems.length > 0 && (
          <ul className="error" role="alert" data-testid="ingest-file-problems">
            {fileProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <div className="ingest-options">
          <label>
            Outlet name for all (optional){" "}
            <input name="outlet" maxLength={120} placeholder="from each article's metadata" data-testid="ingest-outlet" />
          </label>
          <label>
            Story label (optional) <input name="story" maxLength={200} />
          </label>
        </div>
        <button type="submit" className="primary" disabled={pending || running} data-testid="ingest-submit">
          {pending ? "Sending…" : running ? "Ingest running…" : "Ingest"}
        </button>
      </form>
      {error && (
        <div className="error" role="alert" data-testid="ingest-error">
          {error.split("\n").map((l, i) => (
            <p key={i}>{l}</p>
          ))}
        </div>
      )}
      {jobId != null && (
        <section className="job" aria-live="polite" data-testid="ingest-job" data-status={job?.status ?? "loading"}>
          <h2>Ingest {jobId}</h2>
          {!job ? (
            <p className="muted">Loading…</p>
          ) : (
            <>
              <p data-testid="ingest-stage">
                {stage(job)}{" "}
                {job.status !== "queued" && (
                  <span className="muted small">
                    {job.counts.added} added, {job.counts.revised} revised, {job.counts.unchanged} unchanged, {job.counts.failed} failed
                  </span>
                )}
              </p>
              {job.status === "ingesting" && <progress max={Math.max(job.total, 1)} value={job.done} data-testid="ingest-progress" />}
              {running && job.status !== "ingesting" && <progress data-testid="ingest-progress" />}
              {job.error && (
                <p className="error" role="alert" data-testid="ingest-job-error">
                  {job.error}
                </p>
              )}
              {job.stories && (
                <div className="notice" data-testid="ingest-outcome">
                  {job.stories.length === 0 ? (
                    <p>No new or changed articles, so no new flags.</p>
                  ) : (
                    <>
                      <p>
                        <strong>
                          {job.stories.reduce((n, s) => n + s.flags, 0)} flags on the new articles, in {job.stories.length}{" "}
                          {job.stories.length === 1 ? "story" : "stories"}:
                        </strong>
                      </p>
                      <ul>
                        {job.stories.map((s) => (
                          <li key={s.id} data-testid="ingest-story">
                            <Link href={`/stories/${s.id}`}>{s.title}</Link> · <Link href={`/flags?story=${s.id}`}>{s.flags} flags ({s.open} open)</Link>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              )}
              <ul className="job-lines" data-testid="ingest-lines">
                {job.lines.map((l, i) => (
                  <li key={i} className={l.status === "failed" ? "error-inline" : undefined} data-status={l.status}>
                    {l.status === "failed" ? (
                      <>FAILED {l.error}</>
                    ) : (
                      <>
                        {l.status} <span className="muted">{l.source}</span>
                        {l.title && <> — {l.title}</>}
                        {l.outlet && (
                          <span className="muted small">
                            {" "}
                            ({l.outlet}
                            {l.outletOrigin && ORIGIN_NOTE[l.outletOrigin] ? `, ${ORIGIN_NOTE[l.outletOrigin]}` : ""})
                          </span>
                        )}
                      </>
                    )}
                    {l.notes?.map((n) => (
                      <span key={n} className="muted small line-note">
                        note: {n}
                      </span>
                    ))}
                  </li>
                ))}
                {job.more > 0 && <li className="muted">… and {job.more} more</li>}
              </ul>
            </>
          )}
        </section>
      )}
      {props.recent.length > 0 && jobId == null && (
        <section>
          <h2>Recent ingests</h2>
          <ul>
            {props.recent.map((j) => (
              <li key={j.id}>
                <Link href={`/ingest?job=${j.id}`}>Ingest {j.id}</Link> <span className="muted small">· {j.status} · {j.createdAt.slice(0, 16).replace("T", " ")} UTC</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
