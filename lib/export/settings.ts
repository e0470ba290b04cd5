/**
 * The publishing settings of the exports, read from an environment passed in
 * (the dashboard's export route and `npm run export` pass process.env):
 * PARALLAX_PUBLIC_URL, the address readers use to reach the desk (ClaimReview
 * `url`), and PARALLAX_ORGANISATION, who publishes the reviews.
 */
import { parsePublicBaseUrl } from "./public-url";

export const PUBLIC_URL_ENV = "PARALLAX_PUBLIC_URL";
export const ORGANISATION_ENV = "PARALLAX_ORGANISATION";

/** Longest organisation name accepted: a name, not a document. */
const MAX_ORGANISATION = 200;

export interface ExportSettings {
  /** Public base URL of the flag pages, or undefined when not configured. */
  baseUrl?: string;
  /** Reviewing organisation, or undefined when not configured. */
  organisation?: string;
}

/** Checks an organisation name (named `setting` in the message): one line of at most 200 characters. */
export function parseOrganisation(value: string, setting: string): string {
  const name = value.trim();
  if (!name) throw new Error(`${setting} is empty`);
  if (/[\p{Cc}\p{Cf}]/u.test(name)) throw new Error(`${setting} holds control or invisible characters`);
  if (name.length > MAX_ORGANISATION) throw new Error(`${setting} is longer than ${MAX_ORGANISATION} characters`);
  return name;
}

/**
 * The settings from `env`; an empty variable counts as unset. Throws one
 * message naming the variable when a value is unusable (a localhost URL
 * among them), so a deployment typo is not published.
 */
export function readExportSettings(env: Readonly<Record<string, string | undefined>>): ExportSettings {
  const out: ExportSettings = {};
  const url = env[PUBLIC_URL_ENV]?.trim();
  if (url) out.baseUrl = parsePublicBaseUrl(url, PUBLIC_URL_ENV).toString();
  const org = env[ORGANISATION_ENV];
  if (org?.trim()) out.organisation = parseOrganisation(org, ORGANISATION_ENV);
  return out;
}
