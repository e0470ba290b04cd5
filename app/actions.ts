"use server";
/**
 * Server actions: the only writes the dashboard makes. Each validates its
 * input with zod and returns `{ error }` for the editor to read, or the new
 * state; nothing is half-written (db/triage.ts runs each change in one
 * transaction and refuses stale versions).
 */
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "../db/client";
import { setFlagNote, setFlagStatus, TriageError, type TriagedFlag } from "../db/triage";
import { FLAG_STATUSES } from "../lib/types";
import { currentEditor, EDITOR_COOKIE, editorNameSchema } from "./lib/editor";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string };

function firstIssue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.length ? i.path.join(".") + ": " : ""}${i.message}` : "Invalid input.";
}

function failure(e: unknown): { ok: false; error: string } {
  if (e instanceof TriageError) return { ok: false, error: e.message };
  console.error(e);
  return { ok: false, error: "The change could not be saved (server error); nothing was changed." };
}

/** Sets (or changes) the editor name cookie. Used as a form action with useActionState. */
export async function setEditorAction(_prev: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const r = editorNameSchema.safeParse(form.get("name"));
  if (!r.success) return { ok: false, error: firstIssue(r.error) };
  (await cookies()).set(EDITOR_COOKIE, encodeURIComponent(r.data), { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
  return { ok: true, data: r.data };
}

const id = z.number().int().positive();
const statusInput = z.object({
  flagIds: z.array(id).min(1, "No flags selected.").max(500, "Too many flags in one change (at most 500)."),
  versions: z.array(id),
  status: z.enum(FLAG_STATUSES as unknown as ["open", "verified", "unsupported", "dismissed"], { error: `Status must be one of ${FLAG_STATUSES.join(", ")}.` }),
  note: z.string().max(5000, "Note is too long (at most 5000 characters).").optional(),
});

/** Changes the status of one or more flags (all or none), from the versions the editor saw. */
export async function changeStatusAction(input: z.input<typeof statusInput>): Promise<ActionResult<TriagedFlag[]>> {
  const r = statusInput.safeParse(input);
  if (!r.success) return { ok: false, error: firstIssue(r.error) };
  const editor = await currentEditor();
  if (!editor) return { ok: false, error: "Set your name first (top right): every change records who made it." };
  try {
    const data = setFlagStatus(getDb(), { flagIds: r.data.flagIds, expectedVersions: r.data.versions, status: r.data.status, note: r.data.note, editor, now: new Date() });
    revalidatePath("/", "layout");
    return { ok: true, data };
  } catch (e) {
    return failure(e);
  }
}

const noteInput = z.object({ flagId: id, version: id, note: z.string().max(5000, "Note is too long (at most 5000 characters).") });

/** Replaces a flag's note, from the version the editor saw. */
export async function changeNoteAction(input: z.input<typeof noteInput>): Promise<ActionResult<TriagedFlag>> {
  const r = noteInput.safeParse(input);
  if (!r.success) return { ok: false, error: firstIssue(r.error) };
  const editor = await currentEditor();
  if (!editor) return { ok: false, error: "Set your name first (top right): every change records who made it." };
  try {
    const data = setFlagNote(getDb(), { flagId: r.data.flagId, expectedVersion: r.data.version, note: r.data.note, editor, now: new Date() });
    revalidatePath("/", "layout");
    return { ok: true, data };
  } catch (e) {
    return failure(e);
  }
}
