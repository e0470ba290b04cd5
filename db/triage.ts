/**
 * Triage writes: status and note changes on flags. Every change names the
 * version the editor saw; a flag changed since then is refused, never
 * overwritten. A bulk change is all-or-nothing in one transaction, and every
 * change leaves a flag_events row marked as an editor's (never the system's).
 *
 * Every write goes through inTransaction (db/store.ts): on SQLite it takes the
 * write lock before its first read, so a second process waits (busy_timeout,
 * db/client.ts) instead of failing with "database is locked"; on PostgreSQL the
 * version check in each UPDATE keeps concurrent editors from overwriting each other.
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { actorLabel, imitatesSystem, systemNameMessage, type ActorKind } from "../lib/triage/actor";
import { MAX_BULK, MAX_EDITOR_LENGTH, MAX_NOTE_LENGTH } from "../lib/triage/limits";
import { FLAG_STATUSES, type FlagStatus } from "../lib/types";
import type { Db, Tables } from "./client";
import { changedRows, inTransaction } from "./store";

export { MAX_BULK, MAX_EDITOR_LENGTH, MAX_NOTE_LENGTH } from "../lib/triage/limits";

/** The actor kind of every event this module writes: nothing an editor submits can make a system event. */
const EDITOR_ACTOR: ActorKind = "editor";

export type TriageErrorCode = "invalid" | "not_found" | "conflict";

/** A refused triage change; `message` is meant for the editor. */
export class TriageError extends Error {
  constructor(
    readonly code: TriageErrorCode,
    message: string,
    readonly flagId?: number,
  ) {
    super(message);
    this.name = "TriageError";
  }
}

export interface TriagedFlag {
  id: number;
  status: FlagStatus;
  note: string;
  version: number;
  updatedAt: string;
}

export interface SetFlagStatusInput {
  flagIds: number[] | number;
  /** The version of each flag the editor saw: same order as flagIds, or a map id → version. */
  expectedVersions: number[] | number | Record<number, number>;
  status: FlagStatus;
  /** When given, replaces the flag's note and is recorded with the event. */
  note?: string;
  /** The signed-in user making the change (the dashboard always passes this). */
  actor?: TriageActor;
  /** A name without an account: scripts and tests from before accounts. Give `actor` or `editor`, not both. */
  editor?: string;
  now: Date;
}

export interface SetFlagNoteInput {
  flagId: number;
  expectedVersion: number;
  note: string;
  /** The signed-in user making the change (the dashboard always passes this). */
  actor?: TriageActor;
  /** A name without an account: scripts and tests from before accounts. Give `actor` or `editor`, not both. */
  editor?: string;
  now: Date;
}

/**
 * Who makes a change: an account's id and its display name at the time. Both
 * go into the history row, so the name stays when the user is later renamed or
 * disabled.
 */
export interface TriageActor {
  userId: string;
  name: string;
}

/** The name and account recorded with an event, from an actor (an account) or a legacy typed name. */
function checkWho(input: { actor?: TriageActor; editor?: string }): { editor: string; userId: string | null } {
  if (input.actor !== undefined && input.editor !== undefined) throw new TriageError("invalid", "Give either an actor or an editor name, not both: this is a bug");
  if (input.actor === undefined) return { editor: checkEditor(input.editor), userId: null };
  const a = input.actor as unknown;
  if (!a || typeof a !== "object" || typeof (a as TriageActor).userId !== "string" || !(a as TriageActor).userId) throw new TriageError("invalid", "The actor has no user id: this is a bug");
  return { editor: checkEditor((a as TriageActor).name), userId: (a as TriageActor).userId };
}

function checkEditor(editor: unknown): string {
  if (typeof editor !== "string" || !editor.trim()) throw new TriageError("invalid", "Editor name is missing: set your name first.");
  const e = editor.trim();
  if (e.length > MAX_EDITOR_LENGTH) throw new TriageError("invalid", `Editor name is too long (${e.length} characters, at most ${MAX_EDITOR_LENGTH}).`);
  if (imitatesSystem(e)) throw new TriageError("invalid", systemNameMessage(e));
  return e;
}

function checkNow(now: unknown): string {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new TriageError("invalid", "now must be a valid Date");
  return now.toISOString();
}

function checkNote(note: unknown): string {
  if (typeof note !== "string") throw new TriageError("invalid", "Note must be text.");
  if (note.length > MAX_NOTE_LENGTH) throw new TriageError("invalid", `Note is too long (${note.length} characters, at most ${MAX_NOTE_LENGTH}).`);
  return note;
}

function checkId(id: unknown, what: string): number {
  if (typeof id !== "number" || !Number.isInteger(id) || id < 1) throw new TriageError("invalid", `${what} must be a positive integer, got ${String(id)}.`);
  return id;
}

function versionsById(ids: number[], expected: SetFlagStatusInput["expectedVersions"]): Map<number, number> {
  const out = new Map<number, number>();
  if (typeof expected === "number") {
    if (ids.length !== 1) throw new TriageError("invalid", `One expected version given for ${ids.length} flags.`);
    out.set(ids[0], checkId(expected, "Expected version"));
  } else if (Array.isArray(expected)) {
    if (expected.length !== ids.length) throw new TriageError("invalid", `${expected.length} expected versions given for ${ids.length} flags.`);
    ids.forEach((id, i) => out.set(id, checkId(expected[i], `Expected version of flag ${id}`)));
  } else if (expected && typeof expected === "object") {
    for (const id of ids) out.set(id, checkId(expected[id], `Expected version of flag ${id}`));
  } else throw new TriageError("invalid", "expectedVersions is missing.");
  return out;
}

/** The refusal message for a flag whose version moved since the editor opened it. */
async function conflictMessage(db: Db, id: number, updatedAt: string): Promise<string> {
  const { flagEvents } = db.t;
  const last = (await db
    .select({ editor: flagEvents.editor, actorKind: flagEvents.actorKind, at: flagEvents.at })
    .from(flagEvents)
    .where(eq(flagEvents.flagId, id))
    .orderBy(desc(flagEvents.id))
    .limit(1))[0];
  const who = last ? actorLabel(last.actorKind, last.editor) : "re-analysis";
  const when = last?.at ?? updatedAt;
  return `Flag ${id} was changed by ${who} at ${when} since you opened it; reload to see the change.`;
}

/**
 * Sets the status (and optionally the note) of one or more flags. Refuses the
 * whole change when any flag is missing or was changed since the version the
 * editor saw. Flags already in the requested state (and note) are left as
 * they are: no event, no version bump.
 */
export async function setFlagStatus(db: Db, input: SetFlagStatusInput): Promise<TriagedFlag[]> {
  const { editor, userId } = checkWho(input);
  const at = checkNow(input.now);
  if (!FLAG_STATUSES.includes(input.status)) throw new TriageError("invalid", `Unknown status "${String(input.status)}" (expected ${FLAG_STATUSES.join(", ")}).`);
  const note = input.note === undefined ? undefined : checkNote(input.note);
  const ids = (Array.isArray(input.flagIds) ? input.flagIds : [input.flagIds]).map((id) => checkId(id, "Flag id"));
  if (ids.length === 0) throw new TriageError("invalid", "No flags selected.");
  if (ids.length > MAX_BULK) throw new TriageError("invalid", `Too many flags in one change (${ids.length}, at most ${MAX_BULK}).`);
  if (new Set(ids).size !== ids.length) throw new TriageError("invalid", "The same flag is listed twice.");
  const expected = versionsById(ids, input.expectedVersions);

  return inTransaction(db, async (tx) => {
    const { flags, flagEvents } = tx.t;
    const current = new Map(
      (await tx
        .select({ id: flags.id, status: flags.status, note: flags.note, version: flags.version, updatedAt: flags.updatedAt })
        .from(flags)
        .where(inArray(flags.id, ids)))
        .map((r) => [r.id, r]),
    );
    for (const id of ids) {
      const f = current.get(id);
      if (!f) throw new TriageError("not_found", `Flag ${id} does not exist (it may have been removed by re-analysis); reload the list.`, id);
      if (f.version !== expected.get(id)) throw new TriageError("conflict", await conflictMessage(tx, id, f.updatedAt), id);
    }
    const out: TriagedFlag[] = [];
    for (const id of ids) {
      const f = current.get(id)!;
      const nextNote = note ?? f.note;
      if (f.status === input.status && nextNote === f.note) {
        out.push({ id, status: f.status as FlagStatus, note: f.note, version: f.version, updatedAt: f.updatedAt });
        continue;
      }
      // The version check is repeated in the UPDATE so a concurrent writer can never be overwritten.
      const res = await tx
        .update(flags)
        .set({ status: input.status, note: nextNote, version: f.version + 1, updatedAt: at })
        .where(and(eq(flags.id, id), eq(flags.version, f.version)));
      if (changedRows(res) !== 1) throw new TriageError("conflict", await conflictMessage(tx, id, f.updatedAt), id);
      await tx.insert(flagEvents)
        .values({ flagId: id, editor, userId, actorKind: EDITOR_ACTOR, at, action: "status", fromStatus: f.status, toStatus: input.status, note: note ?? null });
      out.push({ id, status: input.status, note: nextNote, version: f.version + 1, updatedAt: at });
    }
    return out;
  });
}

/** Replaces the note of one flag, refusing when the flag changed since `expectedVersion`. */
export async function setFlagNote(db: Db, input: SetFlagNoteInput): Promise<TriagedFlag> {
  const { editor, userId } = checkWho(input);
  const at = checkNow(input.now);
  const id = checkId(input.flagId, "Flag id");
  const expected = checkId(input.expectedVersion, "Expected version");
  const note = checkNote(input.note);
  return inTransaction(db, async (tx) => {
    const { flags, flagEvents } = tx.t;
    const f = (await tx
      .select({ id: flags.id, status: flags.status, note: flags.note, version: flags.version, updatedAt: flags.updatedAt })
      .from(flags)
      .where(eq(flags.id, id)))[0];
    if (!f) throw new TriageError("not_found", `Flag ${id} does not exist (it may have been removed by re-analysis); reload the list.`, id);
    if (f.version !== expected) throw new TriageError("conflict", await conflictMessage(tx, id, f.updatedAt), id);
    if (f.note === note) return { id, status: f.status as FlagStatus, note, version: f.version, updatedAt: f.updatedAt };
    await tx.update(flags).set({ note, version: f.version + 1, updatedAt: at }).where(eq(flags.id, id));
    await tx.insert(flagEvents).values({ flagId: id, editor, userId, actorKind: EDITOR_ACTOR, at, action: "note", fromStatus: f.status, toStatus: f.status, note });
    return { id, status: f.status as FlagStatus, note, version: f.version + 1, updatedAt: at };
  });
}

/** One event of a flag's history, with who made it: the system (the analysis) or an editor. */
export interface FlagHistoryEvent {
  id: number;
  flagId: number;
  actorKind: ActorKind;
  /** The editor's name; for a system event, the name shown (SYSTEM_ACTOR_LABEL), never the stored one. */
  actor: string;
  at: string;
  action: string;
  fromStatus: FlagStatus | null;
  toStatus: FlagStatus | null;
  note: string | null;
}

const historyCols = ({ flagEvents }: Tables) => ({
  id: flagEvents.id,
  flagId: flagEvents.flagId,
  editor: flagEvents.editor,
  actorKind: flagEvents.actorKind,
  at: flagEvents.at,
  action: flagEvents.action,
  fromStatus: flagEvents.fromStatus,
  toStatus: flagEvents.toStatus,
  note: flagEvents.note,
});

function toHistoryEvent(e: { id: number; flagId: number; editor: string; actorKind: ActorKind; at: string; action: string; fromStatus: string | null; toStatus: string | null; note: string | null }): FlagHistoryEvent {
  return {
    id: e.id,
    flagId: e.flagId,
    actorKind: e.actorKind,
    actor: actorLabel(e.actorKind, e.editor),
    at: e.at,
    action: e.action,
    fromStatus: e.fromStatus as FlagStatus | null,
    toStatus: e.toStatus as FlagStatus | null,
    note: e.note,
  };
}

/** The history of one flag, newest first. */
export async function listFlagHistory(db: Db, flagId: number): Promise<FlagHistoryEvent[]> {
  const { flagEvents } = db.t;
  return (await db.select(historyCols(db.t)).from(flagEvents).where(eq(flagEvents.flagId, flagId)).orderBy(desc(flagEvents.id))).map(toHistoryEvent);
}

/** The histories of many flags, oldest event first per flag (ids are read in chunks under SQLite's parameter limit). */
export async function listFlagHistories(db: Db, flagIds: readonly number[]): Promise<Map<number, FlagHistoryEvent[]>> {
  const { flagEvents } = db.t;
  const out = new Map<number, FlagHistoryEvent[]>();
  const ids = [...new Set(flagIds)];
  for (let i = 0; i < ids.length; i += MAX_BULK) {
    const rows = await db
      .select(historyCols(db.t))
      .from(flagEvents)
      .where(inArray(flagEvents.flagId, ids.slice(i, i + MAX_BULK)))
      .orderBy(asc(flagEvents.id));
    for (const r of rows) {
      const list = out.get(r.flagId);
      if (list) list.push(toHistoryEvent(r));
      else out.set(r.flagId, [toHistoryEvent(r)]);
    }
  }
  return out;
}
