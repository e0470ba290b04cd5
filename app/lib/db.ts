/** The server's store (DATABASE_URL when it is a postgres:// URL, else PARALLAX_DB or data/parallax.db), opened once per process. */
import { connection } from "next/server";
import { getDb, type Db } from "../../db/client";

/** Waits for a request (so nothing is read at build time), then returns the shared connection. */
export async function requestDb(): Promise<Db> {
  await connection();
  return getDb();
}
