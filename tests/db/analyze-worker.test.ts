import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyzeLoaded, slimAnalysis } from "@/db/analyze/analyse";
import { postJob, receive, startWorker, stopWorker, type WorkerPool } from "@/db/analyze/pool";
import type { LoadedStory } from "@/db/analyze/types";

const QUOTE = "We cannot take risks with public safety, but the closure will be as short as we can make it";
const bodyA = `The city council of Dorrow voted on Tuesday to close the old harbour bridge after engineers found cracks in two support beams.\n\n“${QUOTE},” said Mayor Anna Varga.\n\nRepairs are expected to cost 6 million euros and to take four months.`;
const bodyB = `Dorrow's council decided on Tuesday to shut the old harbour bridge once engineers discovered cracks in two of its support beams.\n\n"${QUOTE.replace("take risks", "gamble")}," Mayor Anna Varga said.\n\nThe repairs should cost 9 million euros and take four months.`;

const story: LoadedStory = {
  storyId: 1,
  texts: [
    { id: 1, outlet: "Outlet A", source: "a.txt", title: "Dorrow closes harbour bridge", body: bodyA, publishedAt: "2026-03-03", language: "en" },
    { id: 2, outlet: "Outlet B", source: "b.txt", title: "Cracks shut Dorrow bridge", body: bodyB, publishedAt: "2026-03-03", language: "en" },
  ],
  chrome: [new Set<string>(), new Set<string>()],
};

let pool: WorkerPool | null = null;
afterEach(() => {
  if (pool && !pool.dead) stopWorker(pool);
  pool = null;
});

describe("analysis worker thread (db/analyze/worker.ts)", () => {
  it("starts from its TypeScript module and answers a job with what the in-process analysis gives the save", () => {
    pool = startWorker();
    expect(pool).not.toBeNull();
    postJob(pool!, { job: 7, story });
    const reply = receive(pool!, true);
    expect(reply).not.toBeNull();
    expect(reply).not.toHaveProperty("fatal");
    if (!reply || "fatal" in reply) return;
    expect(reply.job).toBe(7);
    expect(reply.error).toBeUndefined();
    expect(reply.ms).toBeGreaterThan(0);
    const expected = slimAnalysis(analyzeLoaded(story).result);
    expect(expected.flags.length).toBeGreaterThan(0);
    expect(reply.result).toEqual(expected);
  });

  it("answers a story it cannot analyse with that story's error and keeps serving", () => {
    pool = startWorker();
    expect(pool).not.toBeNull();
    postJob(pool!, { job: 1, story: { ...story, texts: null as never } });
    postJob(pool!, { job: 2, story });
    const first = receive(pool!, true);
    const second = receive(pool!, true);
    expect(first && "job" in first && first.job === 1 && typeof first.error === "string").toBe(true);
    expect(second && "job" in second && second.job === 2 && second.result !== undefined).toBe(true);
  });

  it("starts whatever the working directory (path aliases resolved from the project's tsconfig)", () => {
    const cwd = process.cwd();
    process.chdir(path.parse(cwd).root);
    try {
      pool = startWorker();
    } finally {
      process.chdir(cwd);
    }
    postJob(pool!, { job: 0, story });
    const reply = receive(pool!, true);
    expect(reply && "job" in reply && reply.result !== undefined).toBe(true);
  });
});
