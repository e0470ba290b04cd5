/** Text primitives shared by every stage: normalisation, tokens, stems, synonyms, facts. */
export { foldText, squashSpaces, normalizeForFingerprint } from "./normalize";
export { tokenize, wordKey, termKey, isContentWord, contentTerms, type Token } from "./tokenize";
export { stem } from "./stem";
export { STOPWORDS, QUALIFIERS, isStopword } from "./stopwords";
export { canonicalTerm } from "./synonyms";
export { speakerKeyOf } from "./speaker";
export { withinEdits } from "./spelling";
export {
  extractNumbers, extractDates, extractNames, surnameKey, numberWordValue,
  WEEKDAYS, MONTHS, type NumberMention, type DateMention, type NameMention,
} from "./facts";
export { extractHyphenMeasures, extractValues, frameOf, hasMeasureUnit, isBoundLead, sameMeasure, sameSlotKind, FIGURE_KINDS, type ValueKind, type ValueMention } from "./values";
export { isNegation, isHedge, oppositeOf, arePrefixOpposites, negatedBase } from "./polarity";
export { extractEventCounts, type EventCount, type PeopleEvent } from "./events";
