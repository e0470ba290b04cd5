/**
 * How one history event reads, in the flag page and in every export: who
 * made it (the system marked as such) and what changed. Written once so the
 * page and the exports cannot disagree.
 */
import { SYSTEM_ACTOR_LABEL, type ActorKind } from "./actor";

/** What an event changed: "open → verified", "note", or what the analysis found. */
export function describeChange(action: string, fromStatus: string | null, toStatus: string | null): string {
  switch (action) {
    case "status":
      return `${fromStatus ?? "?"} → ${toStatus ?? "?"}`;
    case "stale":
      return "no longer found by re-analysis";
    case "revived":
      return "found again by re-analysis";
    default:
      return action;
  }
}

/** Who made an event, for plain-text outputs: the system label, or the editor's name marked as an editor's. */
export function describeActor(kind: ActorKind, editor: string | null): string {
  return kind === "system" ? SYSTEM_ACTOR_LABEL : `${editor ?? "?"} (editor)`;
}
