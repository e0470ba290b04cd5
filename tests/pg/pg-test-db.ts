/**
 * A fresh database per test file on the PostgreSQL server npm test provides
 * (PARALLAX_TEST_PG_URL, scripts/test.ts), dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server's URL, or undefined when npm test could not start one (the Postgres tests are skipped). */
export const PG_URL = process.env.PARALLAX_TEST_PG_URL || undefined;

/** Why the Postgres tests are skipped, for the test names. */
export const PG_SKIP_REASON = "PostgreSQL not available: PARALLAX_TEST_PG_URL is not set (npm test starts a throw-away cluster and sets it)";

/** Creates an empty database; returns its URL and a function that drops it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!PG_URL) throw new Error(PG_SKIP_REASON);
  const name = `parallax_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
