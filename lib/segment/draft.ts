/** Internal shapes shared by the segmentation passes. */
import type { BlockKind, StructureKind } from "../types";

/** A block under construction. `content` is where the words start (after a list marker or "Q:"). */
export interface Draft {
  start: number;
  end: number;
  content: number;
  kind: BlockKind;
  boilerplate: boolean;
  line: number;
  /** Set for call-outs with an inline label ("Pro Tip: ..."): end of the label. */
  labelEnd?: number;
}

export interface StructDraft {
  kind: StructureKind;
  blocks: number[];
  label: string | null;
}
