/**
 * Accounts: create, list, change role, disable and enable, set a password.
 * Shared by the user CLI (scripts/user.ts) and the admin page
 * (app/admin/users); the caller checks that its user may manage users.
 *
 * Passwords are hashed with better-auth's own hasher (scrypt), so better-auth
 * verifies them at sign-in. Each change is one transaction: disabling a user
 * and ending their sessions happen together, so a disabled user's next
 * request finds no session.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { DEFAULT_ROLE, isRole, ROLES, type Role } from "../lib/auth/roles";
import { imitatesSystem, systemNameMessage } from "../lib/triage/actor";
import { MAX_EDITOR_LENGTH } from "../lib/triage/limits";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./auth";
import type { Db, Tables } from "./client";
import { inTransaction } from "./store";

type UserRow = Tables["user"]["$inferSelect"];
/** PostgreSQL: account changes go one at a time (SQLite's write lock does this), so two admins can never both remove the last admin. */
const USERS_LOCK = { serialize: "parallax-users" };

/** A refused account change; `message` is meant for the person who asked. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

export const emailSchema = z
  .string({ error: "E-mail is missing." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: (i) => `"${String(i.input).slice(0, 100)}" is not an e-mail address.` }).max(254, "E-mail is too long (at most 254 characters)."));

export const displayNameSchema = z
  .string({ error: "Name is missing." })
  .transform((s) => s.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "Name is missing.")
      .max(MAX_EDITOR_LENGTH, `Name is too long (at most ${MAX_EDITOR_LENGTH} characters).`)
      .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/.test(s), "Name has control or invisible characters.")
      // The history shows the analysis' own changes as "Parallax (automatic)": no account may read like it.
      .refine((s) => !imitatesSystem(s), { error: (issue) => systemNameMessage(String(issue.input)) }),
  );

export const roleSchema = z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}.` });

export const passwordSchema = z
  .string({ error: "Password is missing." })
  .min(MIN_PASSWORD_LENGTH, `Password is too short (at least ${MIN_PASSWORD_LENGTH} characters).`)
  .max(MAX_PASSWORD_LENGTH, `Password is too long (at most ${MAX_PASSWORD_LENGTH} characters).`);

/** One account as listed to admins (never the password hash). */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role | null;
  disabled: boolean;
  createdAt: Date;
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UserError(r.error.issues[0]?.message ?? "Invalid input.");
  return r.data;
}

/** A password a person can type: 24 characters from 18 random bytes (144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

function summary(row: UserRow): UserSummary {
  return { id: row.id, email: row.email, name: row.name, role: isRole(row.role) ? row.role : null, disabled: row.banned === true, createdAt: row.createdAt };
}

/** Every account, oldest first. */
export async function listUsers(db: Db): Promise<UserSummary[]> {
  const { user } = db.t;
  return (await db.select().from(user).orderBy(asc(user.createdAt), asc(user.email))).map(summary);
}

/** The account with this e-mail (any case), or null. */
export async function findUserByEmail(db: Db, email: string): Promise<UserSummary | null> {
  const { user } = db.t;
  const e = parse(emailSchema, email);
  const row = (await db.select().from(user).where(eq(user.email, e)))[0];
  return row ? summary(row) : null;
}

/** The account with this id, or null. */
export async function findUserById(db: Db, id: string): Promise<UserSummary | null> {
  const { user } = db.t;
  const row = (await db.select().from(user).where(eq(user.id, id)))[0];
  return row ? summary(row) : null;
}

async function requireUser(db: Db, ref: { id: string } | { email: string }): Promise<UserRow> {
  const { user } = db.t;
  const row = "id" in ref ? (await db.select().from(user).where(eq(user.id, ref.id)))[0] : (await db.select().from(user).where(eq(user.email, parse(emailSchema, ref.email))))[0];
  if (!row) throw new UserError("id" in ref ? "No such user." : `No user has the e-mail ${parse(emailSchema, ref.email)}.`);
  return row;
}

export interface CreateUserInput {
  email: string;
  name: string;
  role?: string;
  /** When absent, a password is generated and returned once. */
  password?: string;
}

/**
 * Creates an account with an e-mail and password. Returns the account and
 * the password (the one given, or the generated one: shown once, never
 * stored in clear).
 */
export async function createUser(db: Db, input: CreateUserInput, now = new Date()): Promise<{ user: UserSummary; password: string }> {
  const email = parse(emailSchema, input.email);
  const name = parse(displayNameSchema, input.name);
  const role = parse(roleSchema, input.role ?? DEFAULT_ROLE);
  const password = input.password === undefined ? generatePassword() : parse(passwordSchema, input.password);
  const { user } = db.t;
  if ((await db.select({ id: user.id }).from(user).where(eq(user.email, email)))[0]) throw new UserError(`A user with the e-mail ${email} exists already.`);
  const hash = await hashPassword(password);
  const id = randomUUID();
  await inTransaction(
    db,
    async (tx) => {
      const { user, account } = tx.t;
      // Checked again inside the write lock: two admins adding the same e-mail at once get one account.
      if ((await tx.select({ id: user.id }).from(user).where(eq(user.email, email)))[0]) throw new UserError(`A user with the e-mail ${email} exists already.`);
      await tx.insert(user).values({ id, email, name, role, emailVerified: true, banned: false, createdAt: now, updatedAt: now });
      await tx.insert(account).values({ id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash, createdAt: now, updatedAt: now });
    },
    USERS_LOCK,
  );
  return { user: summary(await requireUser(db, { id })), password };
}

/** Refuses a change that would leave nobody able to manage users. */
async function keepAnAdmin(db: Db, row: UserRow): Promise<void> {
  const { user } = db.t;
  if (row.role !== "admin" || row.banned) return;
  const others = (await db
    .select({ id: user.id, role: user.role, banned: user.banned })
    .from(user))
    .filter((u) => u.id !== row.id && u.role === "admin" && !u.banned);
  if (others.length === 0) throw new UserError(`${row.email} is the last admin who can sign in: make another user admin first.`);
}

/** Changes a user's role (never the last enabled admin's to a lesser one). */
export async function setUserRole(db: Db, ref: { id: string } | { email: string }, role: string, now = new Date()): Promise<UserSummary> {
  const r = parse(roleSchema, role);
  return inTransaction(
    db,
    async (tx) => {
      const { user } = tx.t;
      const row = await requireUser(tx, ref);
      if (r !== "admin") await keepAnAdmin(tx, row);
      await tx.update(user).set({ role: r, updatedAt: now }).where(eq(user.id, row.id));
      return summary({ ...row, role: r, updatedAt: now });
    },
    USERS_LOCK,
  );
}

/**
 * Disables a user: they can no longer sign in, and every session they have
 * is deleted in the same transaction, so their next request is refused. Their
 * name stays on every history event they made.
 */
export async function disableUser(db: Db, ref: { id: string } | { email: string }, now = new Date()): Promise<UserSummary> {
  return inTransaction(
    db,
    async (tx) => {
      const { user, session } = tx.t;
      const row = await requireUser(tx, ref);
      await keepAnAdmin(tx, row);
      await tx.update(user).set({ banned: true, banReason: "disabled", banExpires: null, updatedAt: now }).where(eq(user.id, row.id));
      await tx.delete(session).where(eq(session.userId, row.id));
      return summary({ ...row, banned: true });
    },
    USERS_LOCK,
  );
}

/** Enables a disabled user again (they sign in anew). */
export async function enableUser(db: Db, ref: { id: string } | { email: string }, now = new Date()): Promise<UserSummary> {
  const { user } = db.t;
  const row = await requireUser(db, ref);
  await db.update(user).set({ banned: false, banReason: null, banExpires: null, updatedAt: now }).where(eq(user.id, row.id));
  return summary({ ...row, banned: false });
}

/**
 * Sets a user's password (generated when not given, returned once) and ends
 * every session they have: whoever knew the old password is signed out.
 */
export async function setUserPassword(db: Db, ref: { id: string } | { email: string }, password?: string, now = new Date()): Promise<{ user: UserSummary; password: string }> {
  const row = await requireUser(db, ref);
  const pw = password === undefined ? generatePassword() : parse(passwordSchema, password);
  const hash = await hashPassword(pw);
  await inTransaction(
    db,
    async (tx) => {
      const { account, session } = tx.t;
      const existing = (await tx
        .select({ id: account.id, providerId: account.providerId })
        .from(account)
        .where(eq(account.userId, row.id)))
        .find((a) => a.providerId === "credential");
      if (existing) await tx.update(account).set({ password: hash, updatedAt: now }).where(eq(account.id, existing.id));
      else await tx.insert(account).values({ id: randomUUID(), accountId: row.id, providerId: "credential", userId: row.id, password: hash, createdAt: now, updatedAt: now });
      await tx.delete(session).where(eq(session.userId, row.id));
    },
    USERS_LOCK,
  );
  return { user: summary(row), password: pw };
}
