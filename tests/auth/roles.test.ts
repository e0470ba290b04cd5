import { describe, expect, it } from "vitest";
import { ACTIONS, actionsOf, can, isRole, refusalMessage, ROLES, type Action, type Role } from "../../lib/auth/roles";

/** The matrix written out cell by cell, independently of how roles.ts derives it. */
const EXPECTED: Record<Action, Record<"signed out" | Role, boolean>> = {
  "flags.read": { "signed out": false, viewer: true, editor: true, admin: true },
  "flags.export": { "signed out": false, viewer: true, editor: true, admin: true },
  "flags.triage": { "signed out": false, viewer: false, editor: true, admin: true },
  "articles.ingest": { "signed out": false, viewer: false, editor: true, admin: true },
  "outlets.rename": { "signed out": false, viewer: false, editor: true, admin: true },
  "account.manage": { "signed out": false, viewer: true, editor: true, admin: true },
  "users.manage": { "signed out": false, viewer: false, editor: false, admin: true },
};

describe("permission matrix", () => {
  it("covers every action and every role", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
    expect(ROLES).toEqual(["viewer", "editor", "admin"]);
  });

  for (const action of ACTIONS) {
    for (const who of ["signed out", ...ROLES] as const) {
      const expected = EXPECTED[action][who];
      it(`${who} ${expected ? "may" : "may not"} ${action}`, () => {
        expect(can(who === "signed out" ? null : who, action)).toBe(expected);
      });
    }
  }

  it("refuses an unknown role (a hand-edited database) everything", () => {
    for (const action of ACTIONS) {
      expect(can("user" as Role, action)).toBe(false);
      expect(can("" as Role, action)).toBe(false);
      expect(can(undefined, action)).toBe(false);
    }
    expect(isRole("Admin")).toBe(false);
    expect(isRole("admin")).toBe(true);
  });

  it("lists what each role may do", () => {
    expect(actionsOf(null)).toEqual([]);
    expect(actionsOf("viewer")).toEqual(["flags.read", "flags.export", "account.manage"]);
    expect(actionsOf("editor")).toEqual(["flags.read", "flags.export", "flags.triage", "articles.ingest", "outlets.rename", "account.manage"]);
    expect(actionsOf("admin")).toEqual([...ACTIONS]);
  });

  it("explains a refusal naming the role and the role needed", () => {
    expect(refusalMessage("viewer", "flags.triage")).toBe("Your role (viewer) may not change flag statuses or notes; ask an admin for the editor role.");
    expect(refusalMessage("viewer", "outlets.rename")).toBe("Your role (viewer) may not rename or merge outlets; ask an admin for the editor role.");
  });
});
