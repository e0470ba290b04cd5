import type { Metadata } from "next";
import { recentJobs } from "../../db/ingest-jobs";
import { maxBytesFromEnv } from "../../db/sources";
import { can } from "../../lib/auth/roles";
import { EXTENSION_KINDS } from "../../lib/ingest";
import { MAX_JOB_URLS, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES } from "../../lib/ingest/limits";
import { requestDb } from "../lib/db";
import { requirePageUser } from "../lib/page-user";
import { IngestDesk } from "./ingest-desk";
import { RoleRefusal } from "../components/ui";

export const metadata: Metadata = { title: "Ingest" };

export default async function IngestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requirePageUser("/ingest");
  if (!can(me.role, "articles.ingest")) {
    return <RoleRefusal title="Ingest" who="Only editors and admins ingest articles" role={me.role} />;
  }
  const db = await requestDb();
  const raw = (await searchParams).job;
  const job = typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  return (
    <>
      <h1>Ingest</h1>
      <p className="muted small">
        Paste article or RSS/Atom feed addresses, or choose files ({Object.keys(EXTENSION_KINDS).join(" ")}). The same ingest as <code>npm run ingest</code>{" "}
        runs, then the analysis; the new stories and flags are linked when it is done. Up to {MAX_JOB_URLS} addresses and {MAX_UPLOAD_FILES} files (
        {Math.round(maxBytesFromEnv() / 1024 / 1024)} MB each, {Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} MB in all) at a time.
      </p>
      <IngestDesk maxFileBytes={maxBytesFromEnv()} maxUploadBytes={MAX_UPLOAD_BYTES} maxFiles={MAX_UPLOAD_FILES} initialJob={job} recent={await recentJobs(db, 5)} />
    </>
  );
}
