import { defineConfig } from "drizzle-kit";

/** The PostgreSQL store's migrations (db/pg/schema.ts); drizzle.config.ts has SQLite's. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/schema.ts",
  out: "./db/pg/migrations",
});
