/**
 * Triage writes: status and note changes on flags. Every change names the
 * version the editor saw; a flag changed since then is refused, never
 * overwritten. A bulk change is all-or-nothing in one transaction, and every
 * change leaves a flag_events row.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import { FLAG_STATUSES, type FlagStatus } from "../lib/types";
import type { Db } from "./client";
import { flagEvents, flags } from "./schema";

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

export const MAX_NOTE_LENGTH = 5000;
export const MAX_EDITOR_LENGTH = 80;
export const MAX_BULK = 500;

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
  editor: string;
  now: Date;
}

export interface SetFlagNoteInput {
  flagId: number;
  expectedVersion: number;
  note: string;
  editor: string;
  now: Date;
}

function checkEditor(editor: unknown): string {
  if (typeof editor !== "string" || !editor.trim()) throw new TriageError("invalid", "Editor name is missing: set your name first.");
  const e = editor.trim();
  if (e.length > MAX_EDITOR_LENGTH) throw new TriageError("invalid", `Editor name is too long (${e.length} characters, at most ${MAX_EDITOR_LENGTH}).`);
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
function conflictMessage(db: Db, id: number, updatedAt: string): string {
  const last = db.select({ editor: flagEvents.editor, at: flagEvents.at }).from(flagEvents).where(eq(flagEvents.flagId, id)).orderBy(desc(flagEvents.id)).limit(1).get();
  const who = last?.editor ?? "re-analysis";
  const when = last?.at ?? updatedAt;
  return `Flag ${id} was changed by ${who} at ${when} since you opened it; reload to see the change.`;
}

/**
 * Sets the status (and optionally the note) of one or more flags. Refuses the
 * whole change when any flag is missing or was changed since the version the
 * editor saw. Flags already in the requested state (and note) are left as
 * they are: no event, no version bump.
 */
export function setFlagStatus(db: Db, input: SetFlagStatusInput): TriagedFlag[] {
  const editor = checkEditor(input.editor);
  const at = checkNow(input.now);
  if (!FLAG_STATUSES.includes(input.status)) throw new TriageError("invalid", `Unknown status "${String(input.status)}" (expected ${FLAG_STATUSES.join(", ")}).`);
  const note = input.note === undefined ? undefined : checkNote(input.note);
  const ids = (Array.isArray(input.flagIds) ? input.flagIds : [input.flagIds]).map((id) => checkId(id, "Flag id"));
  if (ids.length === 0) throw new TriageError("invalid", "No flags selected.");
  if (ids.length > MAX_BULK) throw new TriageError("invalid", `Too many flags in one change (${ids.length}, at most ${MAX_BULK}).`);
  if (new Set(ids).size !== ids.length) throw new TriageError("invalid", "The same flag is listed twice.");
  const expected = versionsById(ids, input.expectedVersions);

  return db.transaction((tx) => {
    const current = new Map(
      tx
        .select({ id: flags.id, status: flags.status, note: flags.note, version: flags.version, updatedAt: flags.updatedAt })
        .from(flags)
        .where(inArray(flags.id, ids))
        .all()
        .map((r) => [r.id, r]),
    );
    for (const id of ids) {
      const f = current.get(id);
      if (!f) throw new TriageError("not_found", `Flag ${id} does not exist (it may have been removed by re-analysis); reload the list.`, id);
      if (f.version !== expected.get(id)) throw new TriageError("conflict", conflictMessage(db, id, f.updatedAt), id);
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
      const res = tx
        .update(flags)
        .set({ status: input.status, note: nextNote, version: f.version + 1, updatedAt: at })
        .where(and(eq(flags.id, id), eq(flags.version, f.version)))
        .run();
      if (res.changes !== 1) throw new TriageError("conflict", conflictMessage(tx as unknown as Db, id, f.updatedAt), id);
      tx.insert(flagEvents)
        .values({ flagId: id, editor, at, action: "status", fromStatus: f.status, toStatus: input.status, note: note ?? null })
        .run();
      out.push({ id, status: input.status, note: nextNote, version: f.version + 1, updatedAt: at });
    }
    return out;
  });
}

/** Replaces the note of one flag, refusing when the flag changed since `expectedVersion`. */
export function setFlagNote(db: Db, input: SetFlagNoteInput): TriagedFlag {
  const editor = checkEditor(input.editor);
  const at = checkNow(input.now);
  const id = checkId(input.flagId, "Flag id");
  const expected = checkId(input.expectedVersion, "Expected version");
  const note = checkNote(input.note);
  return db.transaction((tx) => {
    const f = tx
      .select({ id: flags.id, status: flags.status, note: flags.note, version: flags.version, updatedAt: flags.updatedAt })
      .from(flags)
      .where(eq(flags.id, id))
      .get();
    if (!f) throw new TriageError("not_found", `Flag ${id} does not exist (it may have been removed by re-analysis); reload the list.`, id);
    if (f.version !== expected) throw new TriageError("conflict", conflictMessage(db, id, f.updatedAt), id);
    if (f.note === note) return { id, status: f.status as FlagStatus, note, version: f.version, updatedAt: f.updatedAt };
    tx.update(flags).set({ note, version: f.version + 1, updatedAt: at }).where(eq(flags.id, id)).run();
    tx.insert(flagEvents).values({ flagId: id, editor, at, action: "note", fromStatus: f.status, toStatus: f.status, note }).run();
    return { id, status: f.status as FlagStatus, note, version: f.version + 1, updatedAt: at };
  });
}
