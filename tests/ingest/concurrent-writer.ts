/**
 * A second process writing to the test database, for tests/db/ingest.test.ts.
 *   hold  DB MS      takes the write lock (BEGIN IMMEDIATE and a write), says "locked", holds it MS ms, commits
 *   store DB TAG N   says "ready", waits for "go" on stdin, stores N articles (half of them on sources
 *                    shared by every writer, so both processes revise the same sources), says "stored N"
 */
import readline from "node:readline";
import { openDb } from "../../db/client";
import { storeArticle } from "../../db/ingest";

const [mode, file, arg, count] = process.argv.slice(2);
const db = openDb(file);

if (mode === "hold") {
  const sqlite = db.$client;
  sqlite.exec("BEGIN IMMEDIATE");
  sqlite.prepare("INSERT INTO outlets (name, host) VALUES (?, NULL)").run(`lock holder ${process.pid}`);
  process.stdout.write("locked\n");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(arg));
  sqlite.exec("COMMIT");
  sqlite.close();
} else if (mode === "store") {
  const n = Number(count);
  process.stdout.write("ready\n");
  const rl = readline.createInterface({ input: process.stdin });
  rl.once("line", async () => {
    rl.close();
    process.stdin.destroy();
    for (let i = 0; i < n; i++) {
      const source = i % 2 === 0 ? `shared/${(i / 2) % 20}` : `${arg}/${i}`;
      const title = `Harbour council story ${i} from ${arg}`;
      await storeArticle(db, { source, title, body: `${title}\n\nThe council voted on item ${i} (${arg}).`, outlet: `Outlet ${arg}`, host: null, url: null, byline: null, publishedAt: null, language: null });
    }
    db.$client.close();
    process.stdout.write(`stored ${n}\n`);
  });
} else {
  throw new Error(`concurrent-writer: unknown mode ${mode}`);
}
