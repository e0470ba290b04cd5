/**
 * `npm run demo`: the first-run experience. Creates the default database,
 * ingests the bundled sample corpus, analyses it, builds the dashboard when
 * the build is missing or older than the sources, creates (once) a demo admin
 * account and prints its e-mail, password and the sign-in address, and
 * serves the dashboard on http://127.0.0.1:3000 (PORT / HOST override).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { closeDb, describeTarget, openStore, resolveTarget } from "../db/client";
import { isPostgresUrl } from "../db/pg/client";
import { ingestInputs } from "../db/ingest";
import { analyzePending } from "../db/analyze";
import { ensureDemoAdmin } from "./demo-admin";

const ROOT = path.resolve(__dirname, "..");
const SAMPLE = path.join("db", "sample", "articles");

/** Newest modification time under the folders the build depends on. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (!name.startsWith(".") && name !== "node_modules") walk(path.join(p, name));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  for (const d of dirs) if (fs.existsSync(d)) walk(d);
  return newest;
}

function buildIsStale(): boolean {
  const id = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(id)) return true;
  const built = fs.statSync(id).mtimeMs;
  const sources = ["app", "lib", "proxy.ts", "db/schema.ts", "db/auth.ts", "db/auth-schema.ts", "db/users.ts", "db/queries.ts", "db/triage.ts", "db/export.ts", "db/flag-query.ts", "db/client.ts", "next.config.js", "package-lock.json"];
  return newestSource(sources.map((s) => path.join(ROOT, s))) > built;
}

async function main(): Promise<void> {
  process.chdir(ROOT);
  // DATABASE_URL=postgres://... runs the demo on PostgreSQL; otherwise PARALLAX_DB or data/parallax.db.
  const target = resolveTarget();
  console.log(`Database: ${describeTarget(target)}`);
  const db = await openStore(target);

  console.log(`Ingesting the sample corpus (${SAMPLE}) ...`);
  const run = await ingestInputs(db, [SAMPLE]);
  console.log(`  ${run.added} added, ${run.revised} revised, ${run.unchanged} unchanged, ${run.failed} failed`);
  for (const r of run.results) if (r.status === "failed") console.log(`  FAILED ${r.input}: ${r.error}`);

  console.log("Analysing ...");
  const summary = await analyzePending(db, { now: () => new Date() });
  console.log(`  ${JSON.stringify(summary)}`);

  const account = (await ensureDemoAdmin(db)).lines.join("\n");
  await closeDb(db);

  if (buildIsStale()) {
    console.log("Building the dashboard (next build) ...");
    const b = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (b.status !== 0) {
      console.error("next build failed: see the output above.");
      process.exit(1);
    }
  } else {
    console.log("Dashboard build is up to date.");
  }

  const host = process.env.HOST ?? "127.0.0.1";
  const port = process.env.PORT ?? "3000";
  console.log(`\n${account}\n  sign in: http://${host}:${port}/sign-in\n  add people: Users page, or npm run user -- add --email E --name N --role viewer|editor|admin`);
  console.log(`\nParallax is serving on http://${host}:${port}  (Ctrl+C to stop)\n`);
  const server = spawn("npx", ["next", "start", "-H", host, "-p", port], {
    stdio: "inherit",
    env: { ...process.env, ...(isPostgresUrl(target) ? { DATABASE_URL: target } : { PARALLAX_DB: target }), NEXT_TELEMETRY_DISABLED: "1" },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
