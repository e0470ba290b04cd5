import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSecret, getAuth, type AuthSettings } from "../../db/auth";
import { openDb, type Db } from "../../db/client";
import { flagEvents } from "../../db/schema";
import { exportFlags } from "../../db/export";
import { setFlagNote, setFlagStatus } from "../../db/triage";
import { describeStores, seedFlagsOn, type TestStore } from "./stores";
import { createUser, disableUser, enableUser, findUserByEmail, listUsers, setUserPassword, setUserRole, UserError } from "../../db/users";

const dirs: string[] = [];
let store: TestStore;
/** An empty store of the suite's kind. */
const fresh = (): Promise<Db> => store.reset();
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const ORIGIN = "http://127.0.0.1:4321";
const settings: AuthSettings = { baseURL: { allowedHosts: ["127.0.0.1:4321"] }, signInLimit: { max: 3, windowSeconds: 60 } };

/** A sign-in through better-auth's HTTP handler, as the browser makes it. */
async function signIn(db: Db, email: string, password: string, ip = "203.0.113.7"): Promise<Response> {
  return (await getAuth(db, settings)).handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:4321", "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

function cookieOf(res: Response): string {
  const c = res.headers.getSetCookie().find((s) => s.startsWith("parallax.session_token="));
  if (!c) throw new Error("no session cookie");
  return c.split(";")[0];
}

describeStores("accounts", (s) => {
  beforeAll(() => {
    store = s;
  });

  describe("users", () => {
    it("creates a user whose password better-auth accepts; the one-time password is returned, only its hash stored", async () => {
      const db = await fresh();
      const { user: u, password } = await createUser(db, { email: " Ada@Example.COM ", name: "  Ada   Lovelace ", role: "editor" });
      expect(u).toMatchObject({ email: "ada@example.com", name: "Ada Lovelace", role: "editor", disabled: false });
      expect(password.length).toBeGreaterThanOrEqual(24);
      const [stored] = await db.select().from(db.t.account).where(eq(db.t.account.userId, u.id));
      expect(stored.providerId).toBe("credential");
      expect(stored.password).not.toContain(password);
      const res = await signIn(db, "ada@example.com", password);
      expect(res.status).toBe(200);
      const set = res.headers.getSetCookie().find((s) => s.startsWith("parallax.session_token="))!;
      expect(set).toMatch(/HttpOnly/i);
      expect(set).toMatch(/SameSite=Lax/i);
      expect(set).toMatch(/Max-Age=604800/);
      const s = await (await getAuth(db, settings)).api.getSession({ headers: new Headers({ cookie: cookieOf(res), host: "127.0.0.1:4321" }) });
      expect(s?.user).toMatchObject({ email: "ada@example.com", role: "editor" });
    });

    it("refuses bad input with one clear message each, and a second account for one e-mail", async () => {
      const db = await fresh();
      await expect(createUser(db, { email: "not-an-email", name: "X", role: "viewer" })).rejects.toThrow('"not-an-email" is not an e-mail address.');
      await expect(createUser(db, { email: "a@b.org", name: "X", role: "owner" })).rejects.toThrow("Role must be one of viewer, editor, admin.");
      await expect(createUser(db, { email: "a@b.org", name: " ", role: "viewer" })).rejects.toThrow("Name is missing.");
      await expect(createUser(db, { email: "a@b.org", name: "A\u202eB", role: "viewer" })).rejects.toThrow("Name has control or invisible characters.");
      await expect(createUser(db, { email: "a@b.org", name: "A", role: "viewer", password: "short" })).rejects.toThrow("Password is too short (at least 12 characters).");
      await createUser(db, { email: "a@b.org", name: "A", role: "viewer" });
      await expect(createUser(db, { email: "A@B.org", name: "B", role: "viewer" })).rejects.toThrow(UserError);
      expect(await listUsers(db)).toHaveLength(1);
    });

    it("marks the session cookie Secure only when told the site is served over HTTPS", async () => {
      const db = await fresh();
      await createUser(db, { email: "s@b.org", name: "S", role: "viewer", password: "correct horse battery" });
      const res = await (await getAuth(db, { ...settings, secureCookies: true })).handler(
        new Request(`${ORIGIN}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: ORIGIN, host: "127.0.0.1:4321", "x-forwarded-for": "192.0.2.90" },
          body: JSON.stringify({ email: "s@b.org", password: "correct horse battery" }),
        }),
      );
      const set = res.headers.getSetCookie().find((c) => c.startsWith("__Secure-parallax.session_token="));
      expect(set).toMatch(/; Secure/i);
      const plain = (await signIn(db, "s@b.org", "correct horse battery", "192.0.2.91")).headers.getSetCookie().find((c) => c.includes("session_token="))!;
      expect(plain.startsWith("parallax.session_token=")).toBe(true);
      expect(plain).not.toMatch(/; Secure/i);
    });

    it("gives a wrong password and an unknown e-mail the same answer", async () => {
      const db = await fresh();
      await createUser(db, { email: "a@b.org", name: "A", role: "viewer", password: "correct horse battery" });
      const wrong = await signIn(db, "a@b.org", "wrong password!!", "198.51.100.1");
      const unknown = await signIn(db, "nobody@b.org", "wrong password!!", "198.51.100.2");
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(await wrong.json()).toEqual(await unknown.json());
    });

    it("rate limits sign-in per client address", async () => {
      const db = await fresh();
      await createUser(db, { email: "a@b.org", name: "A", role: "viewer", password: "correct horse battery" });
      const statuses: number[] = [];
      // better-auth keeps its in-memory limits per process, not per store: each store's run uses its own addresses.
      const [limited, other] = store.kind.engine === "pg" ? ["192.0.2.150", "192.0.2.151"] : ["192.0.2.50", "192.0.2.51"];
      for (let i = 0; i < 4; i++) statuses.push((await signIn(db, "a@b.org", "wrong password!!", limited)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      // Even the right password is refused until the window passes; another address is not affected.
      expect((await signIn(db, "a@b.org", "correct horse battery", limited)).status).toBe(429);
      expect((await signIn(db, "a@b.org", "correct horse battery", other)).status).toBe(200);
    });

    it("disabling ends every session at once and refuses sign-in; enabling lets them sign in again", async () => {
      const db = await fresh();
      await createUser(db, { email: "root@b.org", name: "Root", role: "admin" });
      const { user: u } = await createUser(db, { email: "a@b.org", name: "A", role: "editor", password: "correct horse battery" });
      const res = await signIn(db, "a@b.org", "correct horse battery", "192.0.2.60");
      const cookie = cookieOf(res);
      await disableUser(db, { email: "a@b.org" });
      expect(await db.select().from(db.t.session).where(eq(db.t.session.userId, u.id))).toEqual([]);
      expect(await (await getAuth(db, settings)).api.getSession({ headers: new Headers({ cookie, host: "127.0.0.1:4321" }) })).toBeNull();
      const refused = await signIn(db, "a@b.org", "correct horse battery", "192.0.2.61");
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { message: string }).message).toBe("This account is disabled; ask an admin.");
      expect((await findUserByEmail(db, "a@b.org"))?.disabled).toBe(true);
      await enableUser(db, { id: u.id });
      expect((await signIn(db, "a@b.org", "correct horse battery", "192.0.2.62")).status).toBe(200);
    });

    it("changes roles, and never leaves no admin who can sign in", async () => {
      const db = await fresh();
      const { user: root } = await createUser(db, { email: "root@b.org", name: "Root", role: "admin" });
      await expect(setUserRole(db, { id: root.id }, "editor")).rejects.toThrow("root@b.org is the last admin who can sign in: make another user admin first.");
      await expect(disableUser(db, { id: root.id })).rejects.toThrow("last admin");
      await createUser(db, { email: "two@b.org", name: "Two", role: "viewer" });
      expect((await setUserRole(db, { email: "two@b.org" }, "admin")).role).toBe("admin");
      expect((await setUserRole(db, { id: root.id }, "viewer")).role).toBe("viewer");
      await expect(setUserRole(db, { email: "nobody@b.org" }, "viewer")).rejects.toThrow("No user has the e-mail nobody@b.org.");
    });

    it("setting a password ends the user's sessions; the old password stops working", async () => {
      const db = await fresh();
      await createUser(db, { email: "a@b.org", name: "A", role: "viewer", password: "first password 1" });
      const cookie = cookieOf(await signIn(db, "a@b.org", "first password 1", "192.0.2.70"));
      const { password } = await setUserPassword(db, { email: "a@b.org" });
      expect(await (await getAuth(db, settings)).api.getSession({ headers: new Headers({ cookie, host: "127.0.0.1:4321" }) })).toBeNull();
      expect((await signIn(db, "a@b.org", "first password 1", "192.0.2.71")).status).toBe(401);
      expect((await signIn(db, "a@b.org", password, "192.0.2.72")).status).toBe(200);
    });

    it("keeps one generated secret in the meta table unless BETTER_AUTH_SECRET is set", async () => {
      const db = await fresh();
      const a = await authSecret(db, {});
      expect(a.length).toBeGreaterThanOrEqual(32);
      expect(await authSecret(db, {})).toBe(a);
      expect(await db.select().from(db.t.meta)).toHaveLength(1);
      expect(await authSecret(db, { BETTER_AUTH_SECRET: "x".repeat(40) })).toBe("x".repeat(40));
      await expect(authSecret(db, { BETTER_AUTH_SECRET: "short" })).rejects.toThrow("BETTER_AUTH_SECRET is too short (5 characters, at least 32)");
    });

    it("stores users in the user table with their role", async () => {
      const db = await fresh();
      await createUser(db, { email: "v@b.org", name: "V", role: "viewer" });
      expect(await db.select({ role: db.t.user.role, banned: db.t.user.banned }).from(db.t.user)).toEqual([{ role: "viewer", banned: false }]);
    });
  });

  describe("history of accounts", () => {
    it("records the account's id and name with each triage event, and keeps the name once the user is disabled", async () => {
      const db = await fresh();
      await seedFlagsOn(db, { flags: 2, seed: 3, flagsPerStory: 2 });
      await createUser(db, { email: "root@b.org", name: "Root", role: "admin" });
      const { user: ed } = await createUser(db, { email: "ed@b.org", name: "Ed Itor", role: "editor" });
      await setFlagStatus(db, { flagIds: [1], expectedVersions: [1], status: "verified", actor: { userId: ed.id, name: ed.name }, now: new Date("2026-05-01T10:00:00Z") });
      await setFlagNote(db, { flagId: 1, expectedVersion: 2, note: "checked with the wire", actor: { userId: ed.id, name: ed.name }, now: new Date("2026-05-01T10:01:00Z") });
      await disableUser(db, { id: ed.id });
      const fe = db.t.flagEvents;
      const rows = await db.select({ editor: fe.editor, userId: fe.userId, actorKind: fe.actorKind, action: fe.action }).from(fe).where(eq(fe.flagId, 1)).orderBy(fe.id);
      expect(rows).toEqual([
        { editor: "Ed Itor", userId: ed.id, actorKind: "editor", action: "status" },
        { editor: "Ed Itor", userId: ed.id, actorKind: "editor", action: "note" },
      ]);
      await expect(setFlagStatus(db, { flagIds: [2], expectedVersions: [1], status: "verified", actor: { userId: "", name: "X" }, now: new Date() })).rejects.toThrow("this is a bug");
    });

    it("names who triaged each flag and when in the JSON, CSV and Markdown exports", async () => {
      const db = await fresh();
      await seedFlagsOn(db, { flags: 1, seed: 5, flagsPerStory: 1 });
      const { user: ed } = await createUser(db, { email: "ed@b.org", name: "Ed Itor", role: "editor" });
      await setFlagStatus(db, { flagIds: [1], expectedVersions: [1], status: "unsupported", actor: { userId: ed.id, name: ed.name }, now: new Date("2026-05-02T09:30:00Z") });
      const now = new Date("2026-05-03T00:00:00Z");
      const json = JSON.parse((await exportFlags(db, {}, "json", now)).body) as { flags: { id: number; history: { at: string; actor: string; editor: string | null; toStatus: string }[] }[] };
      expect(json.flags.find((f) => f.id === 1)!.history).toEqual([expect.objectContaining({ at: "2026-05-02T09:30:00.000Z", actor: "editor", editor: "Ed Itor", toStatus: "unsupported" })]);
      expect((await exportFlags(db, {}, "csv", now)).body).toContain("2026-05-02T09:30:00.000Z Ed Itor");
      expect((await exportFlags(db, {}, "md", now)).body).toContain("Ed Itor");
    });

    it("refuses an account name that reads like the system's own changes", async () => {
      const db = await fresh();
      await expect(createUser(db, { email: "p@b.org", name: "Parallax (automatic)", role: "editor" })).rejects.toThrow("reserved for Parallax's automatic changes");
    });
  });
});

describe("migration 0005 (accounts; SQLite only: it migrates an old SQLite file)", () => {
  it("keeps the typed names of history rows written before accounts through the migration", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parallax-users-mig-"));
    dirs.push(dir);
    // The migrations up to the one before accounts, applied to a new database.
    const src = path.join(__dirname, "../../db/migrations");
    const old = path.join(dir, "migrations");
    fs.cpSync(src, old, { recursive: true });
    const journalPath = path.join(old, "meta/_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
    const cut = journal.entries.findIndex((e) => e.tag === "0005_accounts");
    expect(cut).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, cut);
    fs.writeFileSync(journalPath, JSON.stringify(journal));
    const file = path.join(dir, "t.db");
    const sqlite = new Database(file);
    migrate(drizzle(sqlite), { migrationsFolder: old });
    sqlite.exec(`
      insert into outlets (name) values ('Wire');
      insert into stories (title, created_at, updated_at) values ('S', '2026-01-01', '2026-01-01');
      insert into articles (outlet_id, story_id, source, title, body, content_hash, ingested_at) values (1, 1, 'a.txt', 'T', 'Body.', 'h', '2026-01-01');
      insert into flags (fingerprint, story_id, article_id, kind, severity, severity_rank, confidence, text, start, "end", explanation, created_at, updated_at)
        values ('f1', 1, 1, 'claim_added', 'high', 2, 0.9, 'Body.', 0, 5, 'x', '2026-01-01', '2026-01-01');
      insert into flag_events (flag_id, editor, actor_kind, at, action, from_status, to_status) values (1, 'Typed Name', 'editor', '2026-01-02', 'status', 'open', 'verified');
    `);
    sqlite.close();
    const db = openDb(file);
    expect(db.select({ editor: flagEvents.editor, userId: flagEvents.userId, actorKind: flagEvents.actorKind }).from(flagEvents).all()).toEqual([{ editor: "Typed Name", userId: null, actorKind: "editor" }]);
  });
});
