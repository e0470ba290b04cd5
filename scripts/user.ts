/**
 * `npm run user -- <command> [options] [--db FILE]`: accounts from the command line.
 *
 *   add --email E --name N --role viewer|editor|admin [--password-stdin]
 *       creates an account; prints a one-time password (or reads one from stdin)
 *   list                                 every account: e-mail, name, role, state
 *   set-role --email E --role R          changes a role
 *   disable --email E                    no more sign-in; every session ends at once
 *   enable --email E                     allows sign-in again
 *   set-password --email E [--password-stdin]
 *       sets a new password (printed once, or read from stdin); ends the user's sessions
 *
 * A thin layer over db/users.ts, which the admin page (/admin/users) shares.
 */
import { parseArgs } from "node:util";
import { closeDb, openStore } from "../db/client";
import { createUser, disableUser, enableUser, listUsers, setUserPassword, setUserRole, UserError } from "../db/users";

const USAGE = `usage: npm run user -- <command> [options] [--db FILE]
  add --email E --name N --role viewer|editor|admin [--password-stdin]
  list
  set-role --email E --role viewer|editor|admin
  disable --email E
  enable --email E
  set-password --email E [--password-stdin]`;

const COMMANDS = ["add", "list", "set-role", "disable", "enable", "set-password"] as const;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The whole of standard input (for --password-stdin). */
  readStdin: () => Promise<string>;
}

/** Runs one command; returns the exit code (0 done, 1 refused, 2 usage). */
export async function runUserCli(argv: string[], io: CliIo): Promise<number> {
  let values: { email?: string; name?: string; role?: string; db?: string; "password-stdin"?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        db: { type: "string" },
        "password-stdin": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    io.err(`user: ${e instanceof Error ? e.message : String(e)}`);
    io.err(USAGE);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, ...extra] = positionals;
  if (!command || !(COMMANDS as readonly string[]).includes(command) || extra.length) {
    io.err(command ? `user: unknown command "${[command, ...extra].join(" ")}"` : "user: a command is missing");
    io.err(USAGE);
    return 2;
  }
  const need = (flag: "email" | "name" | "role"): string => {
    const v = values[flag];
    if (v === undefined) throw new UserError(`--${flag} is required for ${command}.`);
    return v;
  };
  const stdinPassword = async (): Promise<string | undefined> => {
    if (!values["password-stdin"]) return undefined;
    // One line: the password, without its line ending (a trailing newline from echo or a file).
    return (await io.readStdin()).replace(/\r?\n$/, "");
  };

  const db = await openStore(values.db);
  try {
    switch (command) {
      case "add": {
        const r = await createUser(db, { email: need("email"), name: need("name"), role: need("role"), password: await stdinPassword() });
        io.out(`Added ${r.user.email} (${r.user.name}, ${r.user.role}).`);
        if (!values["password-stdin"]) io.out(`One-time password: ${r.password}\n(shown once; they can change it on their Account page)`);
        return 0;
      }
      case "list": {
        const users = await listUsers(db);
        if (!users.length) io.out("No users yet: add one with npm run user -- add --email E --name N --role admin");
        for (const u of users) io.out(`${u.email}\t${u.name}\t${u.role ?? "(no role)"}\t${u.disabled ? "disabled" : "active"}`);
        return 0;
      }
      case "set-role": {
        const u = await setUserRole(db, { email: need("email") }, need("role"));
        io.out(`${u.email} is now ${u.role}.`);
        return 0;
      }
      case "disable": {
        const u = await disableUser(db, { email: need("email") });
        io.out(`${u.email} is disabled; their sessions have ended.`);
        return 0;
      }
      case "enable": {
        const u = await enableUser(db, { email: need("email") });
        io.out(`${u.email} is enabled.`);
        return 0;
      }
      case "set-password": {
        const r = await setUserPassword(db, { email: need("email") }, await stdinPassword());
        io.out(`New password set for ${r.user.email}; their sessions have ended.`);
        if (!values["password-stdin"]) io.out(`One-time password: ${r.password}`);
        return 0;
      }
    }
    return 2;
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`user: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await closeDb(db);
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const b = Buffer.isBuffer(c) ? c : Buffer.from(String(c));
    size += b.length;
    if (size > 4096) throw new UserError("standard input is too long for a password (at most 4096 bytes).");
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString("utf8");
}

if (require.main === module) {
  runUserCli(process.argv.slice(2), {
    out: (l) => process.stdout.write(l + "\n"),
    err: (l) => process.stderr.write(l + "\n"),
    readStdin: () => readAll(process.stdin),
  }).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`user: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
