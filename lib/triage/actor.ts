/**
 * Who made a history event: the analysis itself ("system": a flag went stale
 * or came back after re-analysis) or an editor. The kind is stored apart from
 * the name, so the history never infers it from a name an editor typed, and
 * it stays the same when typed names give way to accounts.
 */

/** Every actor kind a flag event may carry. */
export const ACTOR_KINDS = ["system", "editor"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** How a system event's actor is shown in the history and in exports. */
export const SYSTEM_ACTOR_LABEL = "Parallax (automatic)";

/** The name shown for an event: the system label, whatever name the row carries, or the editor's name. */
export function actorLabel(kind: ActorKind, editor: string): string {
  return kind === "system" ? SYSTEM_ACTOR_LABEL : editor;
}

/** Letters from other scripts (and digits, symbols) that read as the Latin letters of the reserved names. */
const LOOKALIKES: Record<string, string> = {
  "\u0430": "a", // Cyrillic a
  "\u0435": "e",
  "\u043e": "o",
  "\u0440": "p",
  "\u0441": "c",
  "\u0445": "x",
  "\u0443": "y",
  "\u0456": "i",
  "\u0455": "s",
  "\u04cf": "l",
  "\u0442": "t",
  "\u043c": "m",
  "\u03b1": "a", // Greek alpha
  "\u03bf": "o",
  "\u03c1": "p",
  "\u03b9": "i",
  "\u03c7": "x",
  "\u03c4": "t",
  "\u03bc": "m",
  "\u0131": "i", // dotless i
  "0": "o",
  "1": "l",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  "$": "s",
  "|": "l",
};

/** Names (folded: lower case, letters only) that stand for the system itself. */
const RESERVED = new Set(["system", "systemautomatic", "automatic", "automaticsystem", "analysis", "reanalysis", "automaticanalysis"]);

/** The word every reserved name is built on; no editor name may contain it. */
const SYSTEM_NAME = "parallax";

/**
 * Folds a name for comparison: compatibility forms (fullwidth letters),
 * case, accents, look-alike letters, and everything that is not a letter
 * (spaces, punctuation, invisible characters) dropped.
 */
function foldName(name: string): string {
  return Array.from(name.normalize("NFKD").toLowerCase())
    .map((c) => LOOKALIKES[c] ?? c)
    .join("")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}]/gu, "");
}

/**
 * True when an editor name imitates the system ("Parallax", "parallax
 * (automatic)", "SYSTEM", "P a r a l l a x", look-alike letters): such a
 * name would make an editor's change read like the analysis' own.
 */
export function imitatesSystem(name: string): boolean {
  const folded = foldName(name);
  return folded.includes(SYSTEM_NAME) || RESERVED.has(folded);
}

/** The refusal an editor reads when the name imitates the system. */
export function systemNameMessage(name: string): string {
  return `The name "${name}" is reserved for Parallax's automatic changes: use your own name.`;
}
