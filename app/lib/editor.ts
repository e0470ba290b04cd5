/**
 * The editor's name: asked once, kept in a cookie, written into every triage
 * event. Not authentication: a newsroom desk tool on a trusted network.
 */
import { cookies } from "next/headers";
import { z } from "zod";
import { imitatesSystem, systemNameMessage } from "../../lib/triage/actor";
import { MAX_EDITOR_LENGTH } from "../../lib/triage/limits";

export const EDITOR_COOKIE = "parallax_editor";

export const editorNameSchema = z
  .string({ error: "Your name is missing." })
  .transform((s) => s.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "Your name is missing.")
      .max(MAX_EDITOR_LENGTH, `Your name is too long (at most ${MAX_EDITOR_LENGTH} characters).`)
      .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Your name has control characters.")
      // The history marks the analysis' own changes as "Parallax (automatic)": no editor may pass as it.
      .refine((s) => !imitatesSystem(s), { error: (issue) => systemNameMessage(String(issue.input)) }),
  );

/** The editor name from the request's cookie, or null when not set (or not valid). */
export async function currentEditor(): Promise<string | null> {
  const raw = (await cookies()).get(EDITOR_COOKIE)?.value;
  if (!raw) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const r = editorNameSchema.safeParse(decoded);
  return r.success ? r.data : null;
}
