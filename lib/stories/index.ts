/** Story grouping: signatures, inverted-index assignment, and pairwise scoring. */
export { signArticle, mergeSignature, parseSignature, emptySignature, membersOf, ARTICLE_TERMS, STORY_TERMS, STORY_MEMBERS, type StorySignature, type StoryMember } from "./signature";
export {
  assignStories, similarity, storySimilarity, dayGap, memberGap, DEFAULT_THRESHOLD, DAY_DECAY, MAX_SPAN_DAYS,
  type GroupableArticle, type ExistingStory, type StoryAssignment, type AssignOptions, type AssignResult,
} from "./assign";
export { scorePairwise, type PairwiseScore } from "./score";
