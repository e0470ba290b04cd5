/**
 * English function words. They carry no topic, so story grouping and support
 * scoring ignore them; quote comparison still sees them (a changed "not" matters).
 */
const WORDS = `a about above after again against all almost also although am among an and another any anyone anything are
aren't around as at be became because been before being below between both but by can can't cannot could couldn't did didn't do does
doesn't doing don't down during each either else even ever every few for from further had hadn't has hasn't have haven't having he
he'd he'll her here hers herself him himself his how however i i'd i'll i'm i've if in into is isn't it it's its itself just let
like made make many may me might more most much must my myself neither no nor not now of off often on once one only or other our ours
ourselves out over own per perhaps quite rather really same she should shouldn't since so some still such than that that's the their
theirs them themselves then there there's these they they'd they'll they're they've this those though through thus to too toward
towards under until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's when where whether which while
who whom whose why will with within without won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
mr mrs ms dr said says say told tell according also new would could just well back get got go going went come came`;

export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** True for a folded word that is a function word. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * Words that qualify or reverse a statement: a quote cut just before one of
 * them changes its meaning, so truncation there is graded higher.
 */
export const QUALIFIERS: ReadonlySet<string> = new Set(
  "but however not no never although though unless except only if yet nor nevertheless while whereas despite cannot can't don't doesn't didn't won't isn't aren't wasn't weren't".split(
    " ",
  ),
);
