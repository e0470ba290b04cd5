/**
 * GET /api/ingest/job?id=N — the state of one ingest job (db/ingest-jobs.ts
 * JobView), polled by the /ingest page while the job runs. Editors and admins
 * only (401 signed out, 403 refused); 400 for a bad id, 404 for an unknown one.
 */
import { getDb } from "../../../../db/client";
import { getJob } from "../../../../db/ingest-jobs";
import { jsonError as fail, routeWithUser } from "../../../lib/action";

export const dynamic = "force-dynamic";

export const GET = routeWithUser("articles.ingest", async (request: Request): Promise<Response> => {
  const raw = new URL(request.url).searchParams.get("id") ?? "";
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) return fail(400, "bad_id", `id must be a job number, got ${JSON.stringify(raw.slice(0, 40))}`);
  const job = await getJob(await getDb(), Number(raw));
  if (!job) return fail(404, "no_job", `There is no ingest job ${raw}.`);
  return Response.json(job, { headers: { "cache-control": "no-store" } });
});
