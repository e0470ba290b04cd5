/**
 * `npm run export -- --format json|csv|md|claimreview [--out FILE] [--story ID] [--status S] [--kind K]
 *  [--severity S] [--outlet NAME] [--base-url URL] [--organisation NAME] [--db FILE]`
 *
 * Exports flags with the same filters as the /flags table. --story, --status,
 * --kind, --severity and --outlet may be repeated or comma-separated. Writes to
 * stdout without --out; with --out the file appears whole or not at all (a CSV
 * file starts with a UTF-8 BOM for spreadsheets; CSV on stdout does not).
 * --base-url and --organisation default to PARALLAX_PUBLIC_URL and
 * PARALLAX_ORGANISATION (ClaimReview); a localhost base URL is refused.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { closeDb, describeTarget, openStore, resolveTarget } from "../db/client";
import { exportFlags } from "../db/export";
import { EXPORT_FORMATS, ORGANISATION_ENV, parseOrganisation, parsePublicBaseUrl, PUBLIC_URL_ENV, readExportSettings } from "../lib/export";
import { FLAG_KINDS, FLAG_STATUSES, SEVERITIES, type FlagQuery } from "../lib/types";

const USAGE =
  "usage: npm run export -- --format json|csv|md|claimreview [--out FILE] [--story ID] [--status S] [--kind K] [--severity S] [--outlet NAME] [--base-url URL] [--organisation NAME] [--db FILE]";

/** Repeated and comma-separated values, flattened. */
const list = (values: string[] | undefined) => (values ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);

const argsSchema = z.object({
  format: z.enum(EXPORT_FORMATS as [string, ...string[]], { error: (iss) => (iss.input === undefined ? "--format is required" : `--format must be one of ${EXPORT_FORMATS.join(", ")}, got "${String(iss.input)}"`) }),
  out: z.string().min(1, "--out needs a file name").optional(),
  story: z.array(z.string().regex(/^[1-9]\d*$/, { error: (iss) => `--story must be a positive story id, got "${String(iss.input)}"` }).transform(Number)),
  status: z.array(z.enum(FLAG_STATUSES as [string, ...string[]], { error: (iss) => `--status must be one of ${FLAG_STATUSES.join(", ")}, got "${String(iss.input)}"` })),
  kind: z.array(z.enum(FLAG_KINDS as [string, ...string[]], { error: (iss) => `--kind must be one of ${FLAG_KINDS.join(", ")}, got "${String(iss.input)}"` })),
  severity: z.array(z.enum(SEVERITIES as [string, ...string[]], { error: (iss) => `--severity must be one of ${SEVERITIES.join(", ")}, got "${String(iss.input)}"` })),
  outlet: z.array(z.string()),
  baseUrl: z.url({ protocol: /^https?$/, error: (iss) => `--base-url must be an absolute http(s) URL, got "${String(iss.input)}"` }).optional(),
  db: z.string().optional(),
});

function fail(message: string): never {
  process.stderr.write(`export: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        format: { type: "string" },
        out: { type: "string" },
        story: { type: "string", multiple: true },
        status: { type: "string", multiple: true },
        kind: { type: "string", multiple: true },
        severity: { type: "string", multiple: true },
        outlet: { type: "string", multiple: true },
        "base-url": { type: "string" },
        organisation: { type: "string" },
        db: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return;
  }
  const parsed = argsSchema.safeParse({
    format: values.format,
    out: values.out,
    story: list(values.story as string[] | undefined),
    status: list(values.status as string[] | undefined),
    kind: list(values.kind as string[] | undefined),
    severity: list(values.severity as string[] | undefined),
    outlet: list(values.outlet as string[] | undefined),
    baseUrl: values["base-url"],
    db: values.db,
  });
  if (!parsed.success) fail(`${parsed.error.issues.map((i) => i.message).join("; ")}\n${USAGE}`);
  const a = parsed.data;
  // Flags win over the environment; both are checked the same way (public http(s), never localhost).
  let baseUrl: string | undefined;
  let organisation: string | undefined;
  try {
    const env = readExportSettings(process.env);
    baseUrl = a.baseUrl !== undefined ? parsePublicBaseUrl(a.baseUrl, "--base-url").toString() : env.baseUrl;
    organisation = values.organisation !== undefined ? parseOrganisation(String(values.organisation), "--organisation") : env.organisation;
  } catch (err) {
    fail((err as Error).message);
  }
  if (a.format === "claimreview" && baseUrl === undefined)
    process.stderr.write(`export: no public URL (--base-url or ${PUBLIC_URL_ENV}): the reviews carry no url\n`);
  if (a.format === "claimreview" && organisation === undefined)
    process.stderr.write(`export: no organisation (--organisation or ${ORGANISATION_ENV}): the reviews are signed "Parallax"\n`);

  const db = await openStore(a.db);
  try {
    if (a.story.length) {
      const { stories } = db.t;
      const found = new Set((await db.select({ id: stories.id }).from(stories).where(inArray(stories.id, a.story))).map((r) => r.id));
      const missing = a.story.filter((id) => !found.has(id));
      if (missing.length) fail(`no story with id ${missing.join(", ")} in ${describeTarget(resolveTarget(a.db))}`);
    }
    const query: FlagQuery = {};
    if (a.story.length) query.story = a.story;
    if (a.status.length) query.status = a.status as FlagQuery["status"];
    if (a.kind.length) query.kind = a.kind as FlagQuery["kind"];
    if (a.severity.length) query.severity = a.severity as FlagQuery["severity"];
    if (a.outlet.length) query.outlet = a.outlet;
    const file = await exportFlags(db, query, a.format as Parameters<typeof exportFlags>[2], new Date(), { baseUrl, organisation, bom: a.out !== undefined });
    if (a.out === undefined) {
      process.stdout.write(file.body);
      return;
    }
    const target = path.resolve(a.out);
    if (!fs.existsSync(path.dirname(target))) fail(`--out ${a.out}: folder ${path.dirname(target)} does not exist`);
    // Write beside the target then rename, so a reader never sees half a file.
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, file.body);
      fs.renameSync(tmp, target);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      fail(`--out ${a.out}: ${(err as Error).message}`);
    }
    process.stderr.write(`export: wrote ${a.format} (${Buffer.byteLength(file.body)} bytes) to ${a.out}\n`);
  } finally {
    await closeDb(db);
  }
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
