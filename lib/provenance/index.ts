/** Provenance of quotes across the outlets of a story, and the order in which an editor sees counterparts. */
export { traceQuotes, LINK_SHARE, EXCERPT_SHARE, JOIN, type ProvenanceArticle, type ProvenanceQuote, type QuoteLink, type QuoteVersion, type QuoteProvenance } from "./trace";
export { describeChanges, sharedWords, wordKeys, type QuoteChange } from "./changes";
export { rankEvidence, type EvidenceStanding } from "./rank-evidence";
