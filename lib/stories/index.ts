/** Story grouping: signatures, inverted-index assignment, and pairwise scoring. */
export { signArticle, mergeSignature, parseSignature, emptySignature, ARTICLE_TERMS, STORY_TERMS, type StorySignature } from "./signature";
export {
  assignStories, similarity, DEFAULT_THRESHOLD,
  type GroupableArticle, type ExistingStory, type StoryAssignment, type AssignOptions, type AssignResult,
} from "./assign";
export { scorePairwise, type PairwiseScore } from "./score";
