import { createHash } from "node:crypto";

/** Whitespace- and Unicode-form-insensitive view of a text, so cosmetic re-saves do not make revisions. */
function normaliseForHash(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * Content hash of an article: sha256 (hex) over the normalised title, a newline
 * and the normalised body. Deterministic, so the same content always dedupes.
 */
export function hashArticle(title: string, body: string): string {
  return createHash("sha256")
    .update(normaliseForHash(title) + "\n" + normaliseForHash(body))
    .digest("hex");
}
