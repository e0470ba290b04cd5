/**
 * GET /api/export?format=csv|md|json|claimreview&<the /flags filters>
 * Responds with the file for exactly the view on screen, to a signed-in user
 * whose role may export (app/lib/action.ts: 401 signed out, 403 refused).
 * Bad input: 400. Every error has one JSON shape, `{ error: { code, message } }`.
 */
import { z } from "zod";
import { getDb } from "../../../db/client";
import { exportFlags } from "../../../db/export";
import { readExportSettings } from "../../../lib/export";
import { jsonError as fail, routeWithUser } from "../../lib/action";
import { parseFlagSearch } from "../../lib/flag-search";

export const dynamic = "force-dynamic";

const formatSchema = z.enum(["json", "csv", "md", "claimreview"], { error: 'format must be one of "json", "csv", "md", "claimreview"' });

export const GET = routeWithUser("flags.export", async (request: Request): Promise<Response> => {
  const url = new URL(request.url);
  const formats = url.searchParams.getAll("format");
  if (formats.length !== 1) return fail(400, "bad_format", formats.length ? "Give one format only." : 'format is missing (one of "json", "csv", "md", "claimreview").');
  const format = formatSchema.safeParse(formats[0]);
  if (!format.success) return fail(400, "bad_format", format.error.issues[0]?.message ?? "bad format");
  const parsed = parseFlagSearch(url.searchParams);
  if (!parsed.ok) return fail(400, "bad_query", parsed.error);
  let settings;
  try {
    // The public address and organisation come from the deployment, never from the request's own
    // origin (which is localhost behind a proxy or in development).
    settings = readExportSettings(process.env);
  } catch (e) {
    return fail(500, "bad_setting", `The server's export settings are wrong: ${(e as Error).message}.`);
  }
  try {
    const file = await exportFlags(await getDb(), parsed.view.query, format.data, new Date(), settings);
    const safeName = file.filename.replace(/[^A-Za-z0-9._-]/g, "_");
    return new Response(file.body, {
      status: 200,
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${safeName}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (e) {
    console.error(e);
    return fail(500, "export_failed", "The export failed on the server; nothing was written.");
  }
});
