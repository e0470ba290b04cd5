/**
 * The machine-level steps the test run needs more than once: whether this
 * process may install Debian packages, installing them, and a free local port.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

/** True when this process runs as root. */
export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** True when this process may install Debian packages itself (root, with apt-get). */
export function canAptInstall(): boolean {
  return isRoot() && fs.existsSync("/usr/bin/apt-get");
}

/**
 * `apt-get update`, then `apt-get install` of `packages` (output shown, no questions asked).
 * Returns null when both succeeded, else the command that failed.
 */
export function aptInstall(packages: string[], installArgs: string[] = []): string | null {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update", "-qq"], ["install", "-y", "-qq", ...installArgs, ...packages]]) {
    const r = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (r.error || r.status !== 0) return `apt-get ${args.join(" ")}`;
  }
  return null;
}

/** A TCP port on 127.0.0.1 nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
