/**
 * Limits on what an editor submits with a triage change. Written once: the
 * database layer (db/triage.ts) refuses past them, and the dashboard's input
 * schemas (app/actions.ts, app/lib/editor.ts) import them so both give the
 * same "too long" message instead of one of them failing.
 */

/** Longest note, in UTF-16 code units (what String#length and zod's max count). */
export const MAX_NOTE_LENGTH = 5000;

/** Longest editor name, after trimming. */
export const MAX_EDITOR_LENGTH = 80;

/** Most flags one bulk status change may touch. */
export const MAX_BULK = 500;
