/**
 * Ingest jobs (the /ingest page's runner): progress and results in the job row,
 * loopback refused unless private addresses are allowed, uploaded files known
 * by their uploaded names and removed afterwards, a dead runner reported.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createJob, getJob, runJob, UPLOAD_DIR_PREFIX } from "@/db/ingest-jobs";
import { describeStores } from "./stores";

const now = () => new Date("2026-02-01T00:00:00Z");
let db: Db;
let server: http.Server;
let base: string;

const PAGE = `<html><head><title>Harbour council approves budget after long debate</title><meta property="og:site_name" content="Harbour Herald"></head>
<body><article><h1>Harbour council approves budget after long debate</h1><p>The council voted on Monday to approve the harbour budget, officials said, after a debate that lasted six hours.</p><p>"We have waited long enough," the mayor said.</p></article></body></html>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(PAGE);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describeStores("ingest jobs", (store) => {
  beforeEach(async () => {
    db = await store.reset();
  });

    it("refuses a loopback address without the setting, in one line naming it", async () => {
      const id = await createJob(db, { urls: [`${base}/news/1`], files: [], rejected: [] }, null, now());
      expect(await getJob(db, id)).toMatchObject({ status: "queued", done: 0 });
      const job = await runJob(db, id, { now, allowPrivateAddresses: false, workers: 0 });
      expect(job.status).toBe("done");
      expect(job.counts).toEqual({ added: 0, revised: 0, unchanged: 0, failed: 1 });
      expect(job.lines).toHaveLength(1);
      expect(job.lines[0].error).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/news\/1: refused: 127\.0\.0\.1 is a loopback address \(set PARALLAX_ALLOW_PRIVATE_ADDRESSES=1 to allow private addresses\)$/);
      expect(job.stories).toEqual([]);
    });

    it("with the setting, fetches, stores, analyses and links the story; uploads keep their names and are removed; refused uploads are listed", async () => {
      const uploads = fs.mkdtempSync(path.join(os.tmpdir(), UPLOAD_DIR_PREFIX));
      fs.writeFileSync(path.join(uploads, "1"), "Harbour council approves budget after a long debate\n\nThe council voted on Monday to approve the harbour budget after six hours, officials said.");
      const id = await createJob(db, { urls: [`${base}/news/1`], files: [{ name: "wire-copy.txt", path: path.join(uploads, "1") }], rejected: ["scan.pdf: unsupported file type .pdf"], outlet: undefined, uploadDir: uploads }, null, now());
      const job = await runJob(db, id, { now, allowPrivateAddresses: true, workers: 0 });
      expect(job.status).toBe("done");
      expect(job.counts).toEqual({ added: 2, revised: 0, unchanged: 0, failed: 1 });
      expect(job.done).toBe(2);
      expect(job.total).toBe(2);
      expect(job.lines.map((l) => [l.status, l.source, l.outlet ?? null])).toEqual([
        ["failed", null, null],
        ["added", `${base}/news/1`, "Harbour Herald"],
        ["added", "wire-copy.txt", "wire-copy"],
      ]);
      expect(job.lines[2].outletOrigin).toBe("file");
      expect(job.stories?.length).toBeGreaterThanOrEqual(1);
      expect(fs.existsSync(uploads)).toBe(false);
      // A job already run is not run twice.
      await expect(runJob(db, id)).rejects.toThrow(/not queued/);
    });

    it("reports a job whose process died instead of showing it running for ever", async () => {
      const id = await createJob(db, { urls: [`${base}/x`], files: [], rejected: [] }, null, now());
      // A process id that cannot be running: larger than any pid_max.
      await db.update(db.t.ingestJobs).set({ status: "ingesting", pid: 2 ** 22 + 12345 });
      const job = (await getJob(db, id))!;
      expect(job.status).toBe("failed");
      expect(job.error).toMatch(/stopped before it finished/);
    });
});
