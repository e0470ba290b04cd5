/**
 * Who may do what: the one permission matrix of Parallax. Every server
 * action and route handler asks `can(role, action)` (through
 * app/lib/action.ts), and the pages ask the same question to decide which
 * controls to show, so the UI and the server never disagree.
 *
 * Pure: no I/O. A signed-out visitor is the `null` role.
 */

/** Account roles, least to most trusted. */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What a request can ask to do. */
export const ACTIONS = [
  /** Read flags, stories, articles and their history. */
  "flags.read",
  /** Download exports (JSON, CSV, Markdown, ClaimReview). */
  "flags.export",
  /** Change statuses and notes, one flag or many (bulk). */
  "flags.triage",
  /** Ingest articles from the dashboard (URLs, feeds, uploaded files), which then runs the analysis. */
  "articles.ingest",
  /** Rename outlets, merging two spellings of one outlet. */
  "outlets.rename",
  /** Change one's own password, sign out. */
  "account.manage",
  /** List, add, disable and enable users, change roles, set passwords. */
  "users.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

/** The role a new account gets when none is named: the least trusted. */
export const DEFAULT_ROLE: Role = "viewer";

/** For each action, the least role that may do it; every role above it may too. */
const LEAST_ROLE: Record<Action, Role> = {
  "flags.read": "viewer",
  "flags.export": "viewer",
  "flags.triage": "editor",
  "articles.ingest": "editor",
  "outlets.rename": "editor",
  "account.manage": "viewer",
  "users.manage": "admin",
};

/** True when `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * True when `role` may do `action`. A signed-out visitor (null) may do
 * nothing; an unknown role (a database edited by hand) may do nothing.
 */
export function can(role: Role | null | undefined, action: Action): boolean {
  if (!isRole(role)) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(LEAST_ROLE[action]);
}

/** Every action `role` may do, in ACTIONS order. */
export function actionsOf(role: Role | null): Action[] {
  return ACTIONS.filter((a) => can(role, a));
}

/** The refusal shown when a signed-in user's role may not do `action`. */
export function refusalMessage(role: Role, action: Action): string {
  const least = LEAST_ROLE[action];
  return `Your role (${role}) may not ${DESCRIPTIONS[action]}; ask an admin for the ${least} role.`;
}

const DESCRIPTIONS: Record<Action, string> = {
  "flags.read": "read flags",
  "flags.export": "export flags",
  "flags.triage": "change flag statuses or notes",
  "articles.ingest": "ingest articles",
  "outlets.rename": "rename or merge outlets",
  "account.manage": "manage this account",
  "users.manage": "manage users and roles",
};
