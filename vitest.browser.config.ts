import { defineConfig } from "vitest/config";
import path from "node:path";

/**
 * Browser tests: real Chromium (playwright-core) against `next start` on a
 * fresh database built from the sample corpus. The global setup builds the
 * app only when `.next/BUILD_ID` is missing or older than the sources.
 *
 *   npx vitest run --config vitest.browser.config.ts
 */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["tests/browser/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/browser/global-setup.ts"],
    // One server and one database: files run one after another, tests in order.
    fileParallelism: false,
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
