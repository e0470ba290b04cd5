import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getAuth } from "../../db/auth";
import { openDb } from "../../db/client";
import { findUserByEmail } from "../../db/users";
import { ensureDemoAdmin } from "../../scripts/demo-admin";
import { runUserCli } from "../../scripts/user";

const dirs: string[] = [];
function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-user-cli-"));
  dirs.push(dir);
  return path.join(dir, "t.db");
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function run(args: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUserCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: async () => stdin });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function passwordWorks(file: string, email: string, password: string): Promise<boolean> {
  const db = openDb(file);
  try {
    const auth = await getAuth(db, { baseURL: "http://127.0.0.1:3000" });
    const r = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
    return r.status === 200;
  } finally {
    db.$client.close();
  }
}

describe("npm run user", () => {
  it("adds a user with a one-time password that signs in, lists, re-roles, disables and enables", async () => {
    const db = tempDb();
    const add = await run(["add", "--email", "Ed@Desk.org", "--name", "Ed", "--role", "editor", "--db", db]);
    expect(add.code).toBe(0);
    expect(add.out).toContain("Added ed@desk.org (Ed, editor).");
    const pw = /One-time password: (\S+)/.exec(add.out)![1];
    expect(await passwordWorks(db, "ed@desk.org", pw)).toBe(true);

    expect((await run(["add", "--email", "root@desk.org", "--name", "Root", "--role", "admin", "--db", db])).code).toBe(0);
    expect((await run(["list", "--db", db])).out).toBe("ed@desk.org\tEd\teditor\tactive\nroot@desk.org\tRoot\tadmin\tactive");
    expect((await run(["set-role", "--email", "ed@desk.org", "--role", "viewer", "--db", db])).out).toBe("ed@desk.org is now viewer.");
    expect((await run(["disable", "--email", "ed@desk.org", "--db", db])).out).toBe("ed@desk.org is disabled; their sessions have ended.");
    expect((await run(["list", "--db", db])).out).toContain("ed@desk.org\tEd\tviewer\tdisabled");
    expect((await run(["enable", "--email", "ed@desk.org", "--db", db])).code).toBe(0);
    const d = openDb(db);
    expect(await findUserByEmail(d, "ed@desk.org")).toMatchObject({ role: "viewer", disabled: false });
    d.$client.close();
  });

  it("reads a password from stdin (without its line ending) and never prints it", async () => {
    const db = tempDb();
    const add = await run(["add", "--email", "v@desk.org", "--name", "V", "--role", "viewer", "--password-stdin", "--db", db], "a long passphrase here\n");
    expect(add.code).toBe(0);
    expect(add.out).not.toContain("a long passphrase here");
    expect(add.out).not.toContain("One-time password");
    expect(await passwordWorks(db, "v@desk.org", "a long passphrase here")).toBe(true);
    const set = await run(["set-password", "--email", "v@desk.org", "--db", db]);
    const pw = /One-time password: (\S+)/.exec(set.out)![1];
    expect(await passwordWorks(db, "v@desk.org", "a long passphrase here")).toBe(false);
    expect(await passwordWorks(db, "v@desk.org", pw)).toBe(true);
  });

  it("refuses bad input with one line and a non-zero exit", async () => {
    const db = tempDb();
    expect(await run(["add", "--email", "x@desk.org", "--name", "X", "--db", db])).toMatchObject({ code: 1, err: "user: --role is required for add." });
    expect(await run(["add", "--email", "x@desk.org", "--name", "X", "--role", "boss", "--db", db])).toMatchObject({ code: 1, err: "user: Role must be one of viewer, editor, admin." });
    expect(await run(["add", "--email", "x@desk.org", "--name", "X", "--role", "viewer", "--password-stdin", "--db", db], "short\n")).toMatchObject({ code: 1, err: "user: Password is too short (at least 12 characters)." });
    expect(await run(["disable", "--email", "nobody@desk.org", "--db", db])).toMatchObject({ code: 1, err: "user: No user has the e-mail nobody@desk.org." });
    expect((await run(["frobnicate", "--db", db])).code).toBe(2);
    expect((await run(["list", "--bogus"])).code).toBe(2);
  });

  it("runs as npm run user (the real entry point)", () => {
    const db = tempDb();
    const r = spawnSync("npx", ["tsx", "scripts/user.ts", "add", "--email", "cli@desk.org", "--name", "Cli", "--role", "admin", "--password-stdin", "--db", db], {
      cwd: path.resolve(__dirname, "../.."),
      input: "passphrase from a pipe\n",
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("Added cli@desk.org (Cli, admin).\n");
  });
});

describe("npm run demo's admin", () => {
  it("is created once with a printed password that signs in; later runs say how to set a new one", async () => {
    const file = tempDb();
    const db = openDb(file);
    const first = await ensureDemoAdmin(db);
    expect(first.created).toBe(true);
    expect(first.lines.join("\n")).toContain(`password: ${first.password}`);
    const again = await ensureDemoAdmin(db);
    expect(again).toMatchObject({ created: false, password: null });
    expect(again.lines.join("\n")).toContain("npm run user -- set-password --email admin@parallax.local");
    expect(await findUserByEmail(db, "admin@parallax.local")).toMatchObject({ role: "admin", disabled: false });
    db.$client.close();
    expect(await passwordWorks(file, "admin@parallax.local", first.password!)).toBe(true);
  });
});
