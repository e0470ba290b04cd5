/** The editor's view of a story and of the desk: verdicts, outlet ranking, the linked coverage matrix, story order. */
export { judgeArticles, VERDICTS, CLOSE_COPY_SHARE, PADDED_SHARE, PADDED_MIN_BLOCKS, type Verdict, type ArticleCarriage, type ArticleVerdict } from "./verdict";
export { rankOutlets, summarizeOutlet, type OutletLine } from "./rank";
export { linkMatrix, MATRIX_CELLS, CONFLICT_KINDS, type MatrixCell, type MatrixFlag, type MatrixRowIn, type MatrixRowOut } from "./coverage";
export { orderByAttention, openOf, type StoryCounts } from "./attention";
