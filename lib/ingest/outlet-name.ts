/**
 * An outlet name typed by a person (`--outlet`, a rename on /outlets): checked
 * once here so the CLI, the dashboard and the store agree on what a name may be.
 */

/** Longest outlet name kept: the longest real publisher names are under 80 characters. */
export const MAX_OUTLET_NAME = 120;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * The name with its white space collapsed, or a problem in plain words
 * (empty, too long, holding control or direction-changing characters, which
 * could make it read as something else in the table or a terminal).
 */
export function checkOutletName(raw: string): { ok: true; name: string } | { ok: false; problem: string } {
  const name = raw.replace(/[ \t\r\n]+/g, " ").trim();
  if (!name) return { ok: false, problem: "an outlet name cannot be empty" };
  if (name.length > MAX_OUTLET_NAME) return { ok: false, problem: `an outlet name is at most ${MAX_OUTLET_NAME} characters (got ${name.length})` };
  if (CONTROL.test(name)) return { ok: false, problem: "an outlet name cannot hold control or invisible direction characters" };
  return { ok: true, name };
}
