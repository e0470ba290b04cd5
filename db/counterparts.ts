/**
 * How a flag's counterpart outlets are stored in `flags.counterparts`: names
 * joined with ", ", so a comma inside a name becomes a space. Written once here
 * for the analysis that writes them, the queries that read them and a rename
 * that rewrites them.
 */

/** An outlet name as it appears in the stored list. */
export function asCounterpart(name: string): string {
  return name.replace(/,/g, " ");
}

/** The stored list of `names`. */
export function joinCounterparts(names: readonly string[]): string {
  return names.map(asCounterpart).join(", ");
}

/** The names of a stored list. */
export function splitCounterparts(stored: string): string[] {
  return stored
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
}
