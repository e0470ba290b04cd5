/**
 * Word lists of attribution: speech verbs (the cue lexicon), pronouns, titles
 * and roles, name particles, words that are never names, and the small
 * function-word classes the cue and name readers step over. Data only: the
 * grammar that uses them lives in cues.ts and names.ts.
 */

/** Speech verbs, inflected, that attribute a quote to a subject. */
export const VERB_STEMS = [
  "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added", "adding",
  "state", "states", "stated", "note", "notes", "noted", "noting", "describe", "describes", "described",
  "explain", "explains", "explained", "explaining", "write", "writes", "wrote", "writing", "tweet", "tweets",
  "tweeted", "ask", "asks", "asked", "asking", "warn", "warns", "warned", "insist", "insists",
  "insisted", "argue", "argues", "argued", "arguing", "claim", "claims", "claimed", "continue", "continues",
  "continued", "recall", "recalls", "recalled", "acknowledge", "acknowledges", "acknowledged", "emphasize",
  "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised", "declare", "declares", "declared",
  "announce", "announces", "announced", "reply", "replies", "replied", "respond", "responds", "responded",
  "remark", "remarks", "remarked", "observe", "observes", "observed", "suggest", "suggests", "suggested",
  "contend", "contends", "contended", "predict", "predicts", "predicted", "conclude", "concludes", "concluded",
  "admit", "admits", "admitted", "complain", "complains", "complained", "joke", "jokes", "joked", "quip",
  "quips", "quipped", "shout", "shouts", "shouted", "urge", "urges", "urged", "stress", "stresses", "stressed",
  "confirm", "confirms", "confirmed", "reveal", "reveals", "revealed", "posted", "testify",
  "testifies", "testified", "muse", "mused", "cautions", "cautioned", "charged",
  "countered", "boast", "boasted", "vow", "vows", "vowed", "promise", "promised", "pledge", "pledged", "affirm",
  "affirmed", "maintain", "maintains", "maintained", "lament", "lamented", "exclaim", "exclaimed", "whisper",
  "whispered", "assure", "assured", "opine", "opined", "report", "reports", "reported", "report", "indicate",
  "indicated", "indicates", "retort", "retorted", "scoffed", "chimed", "yelled", "screamed", "told", "recount",
  "recounted", "concede", "conceded", "concedes", "allege", "alleged", "alleges", "deny", "denied", "denies",
  "proclaim", "proclaimed", "thunder", "thundered", "demand", "demanded", "demands", "pointed", "points",
  "put", "stating", "explaining", "adding", "arguing", "insisting", "telling", "clarify", "clarified", "clarifies",
  "reiterate", "reiterated", "reiterates", "underscored", "mentioned", "commented", "comments", "wondered", "noting",
  "saying", "asserted", "asserts", "assert", "acknowledging", "conceding", "describing", "stressing",
  "call", "calls", "called", "calling", "cite", "cites", "cited", "citing", "criticize", "criticizes", "criticized",
  "criticise", "criticised", "dismiss", "dismisses", "dismissed", "blast", "blasts", "blasted", "slam", "slams",
  "slammed", "accuse", "accuses", "accused", "accusing", "denounce", "denounces", "denounced", "denouncing",
  "label", "labels", "labeled", "labelled", "dubbed", "branded", "praise", "praised", "praises", "mock", "mocks",
  "mocked", "mocking", "sing", "sings", "sang", "singing", "chant", "chanted", "chanting", "decry", "decried",
  "lashed", "rip", "rips", "ripped", "hail", "hailed", "hails", "promising", "claiming", "vowing", "pledging",
  "urging", "demanding", "questioned", "questions", "wonders", "blamed", "blames", "touted", "touts", "tweeting",
  "writes", "emailed", "texted", "messaged", "joking", "quipping", "boasting", "responding", "replying",
  "condemn", "condemns", "condemned", "scold", "scolds", "scolded", "liken", "likens", "likened", "laud", "lauds",
  "lauded", "reads", "read", "recalling", "recounting", "posited", "posits", "exhorted", "quipped", "shot",
  "yells", "yelling", "shouts", "screams", "cries", "cried", "characterized", "characterizes", "characterised",
];
// Case-sensitive on purpose: "States" in "United States" or "Reveals" in a title-case heading is not a speech verb.
export const SPEECH_VERB = new RegExp(`\\b(${[...new Set(VERB_STEMS)].join("|")})\\b`);
export const SPEECH_VERB_G = new RegExp(`\\b(${[...new Set(VERB_STEMS)].join("|")})\\b`, "g");

export const PRONOUNS = /^(he|she|they|i|we|it)(['’](s|d|ll|ve|re))?$/i;

/** Words that can sit between a subject and its speech verb ("Witkoff also said", "she has repeatedly said"). */
export const ADVERB = /^(also|later|then|again|previously|recently|once|repeatedly|reportedly|has|have|had|was|were|is|would|will|had|further|earlier|separately|similarly|simply|flatly|bluntly|quickly|finally|first|once|just|told|would|later|often|has|never|publicly|privately|emphatically|openly|specifically)$/i;

/** Words that never end a subject noun phrase. */
export const FUNCTION_WORD = /^(and|or|but|that|which|who|whom|to|of|in|on|at|by|for|with|from|as|than|then|so|if|when|while|the|a|an|is|was|are|were|be|been|has|have|had|not|no|also|this|these|those|there|here|it's)$/i;

/** Honorifics kept in the name as written; role words are stripped off the front. */
export const HONORIFIC = /^(Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Rev)\.?$/;
export const ROLE =
  /^(President|Vice|Prime|Minister|Chancellor|Secretary|Envoy|Senator|Sen\.?|Rep\.?|Gov\.?|Governor|Mayor|Director|Chairman|Chairwoman|Chair|Spokesman|Spokeswoman|Spokesperson|Ambassador|General|Gen\.?|Lt\.?|Col\.?|Maj\.?|Capt\.?|Sgt\.?|Adm\.?|Adviser|Advisor|Leader|Chief|CEO|Commissioner|Judge|Justice|Attorney|Representative|Speaker|Deputy|Fellow|Professor|Candidate|Nominee|Manager|Officer|Editor|Analyst|Economist|Strategist|Pollster|Correspondent|Reporter|Host|Anchor|Founder|Chairperson|Head|Treasurer|Sheriff|Coach|Pope|King|Queen|Prince|Princess|Emir|Sheikh|Cardinal|Bishop|Rabbi|Imam|Premier|Congressman|Congresswoman|Councilman|Councilwoman|Delegate|Dean|Provost|Superintendent|Commander|Marshal|Colonel|Lieutenant|Sergeant|Captain|Admiral|Major|Private|Corporal|Detective|Inspector|Officer|Counsel|Solicitor|Prosecutor|Senior|Junior|Special|Presidential|Foreign|Defense|Defence|State|Interior|Finance|Press|White|House)$/;

/** Name particles that may sit lower-case inside a name ("Ursula von der Leyen"). */
export const PARTICLE = /^(von|van|der|den|de|del|della|di|da|du|la|le|bin|ibn|al|el|ben|dos|das|ter|zu|y)$/;

/** Capitalised words that are not names (sentence openers, months, days). */
export const NOT_NAME =
  /^(The|A|An|This|That|These|Those|It|Its|In|On|At|But|And|Or|So|If|When|While|After|Before|However|Meanwhile|Yet|As|For|From|With|By|To|Of|Then|There|Here|Now|Still|Also|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday|Tonight|Last|Next|Earlier|Later|According|Regarding|Speaking|During|Asked|When|Where|What|Who|Why|How|Some|Many|Most|All|Both|Several|One|Two|Three|His|Her|Their|Our|My|Your|We|I|He|She|They|You|Sources?|Though|Although|Once|Because|Since|Until|Unless|Whether|Even|Only|Just|Not|No|Yes|Instead|Indeed|Perhaps|Maybe|Both|Either|Neither|Such|Every|Each|Any|Other|Another|Among|Without|Within|Under|Over|Above|Between|Against|Through|Despite|Like|Unlike|Further|Furthermore|Moreover|Additionally|Overall|Initially|Finally|Ultimately|Currently|Recently|Previously|Few|More|Less|Much|New|Many|Thus|Hence|Therefore|Nevertheless|Nonetheless|Otherwise|Also|Again|Already|Always|Never|Often|Sometimes|Here|Following|Prior|Given|Amid|Across|Around|Behind|Beyond|Inside|Outside|Upon|Via)$/;

/** Words that are speech verbs or plural nouns ("claims", "remarks"); after a determiner or adjective they are nouns. */
export const NOUN_OR_VERB = /^(claims|comments|remarks|notes|reports|calls|tweets|questions|demands|states|posts|points|warns|promises|pledges|vows|quotes|replies|answers|statements)$/;

export const LOWER_ROLE_TEST = /^(president|envoy|special|minister|secretary|leader|chancellor|senator|governor|chief|general|adviser|advisor|candidate|nominee|director|chairman|official|ambassador|commissioner|representative|professor|fellow|analyst|economist|strategist|pollster|author|attorney|lawyer|executive|founder|host|editor|reporter|correspondent)$/i;

export const TIME_WORD = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|morning|afternoon|evening|night|week|weekend|month|year|earlier|later|recently)$/;

/** Nouns that report speech: "Trump’s claim", "Clinton’s remarks". */
export const SPEECH_NOUN = /^(claim|claims|statement|statements|remark|remarks|comment|comments|words|description|warning|promise|pledge|assertion|accusation|tweet|tweets|message|argument|insistence|suggestion|characterization|phrase|quote|line|slogan|response|answer|reply|plea|vow|demand|question|speech|testimony|interview|post|letter|announcement)$/i;

/** Last tokens that make a capitalised run an organisation or place rather than a person. */
export const ORG_TAIL =
  /^(Union|States|House|Department|Ministry|Agency|Council|Commission|Party|Committee|Congress|Senate|Court|Office|Times|Post|News|Kingdom|Nations|Federation|Republic|Government|Administration|Institute|University|Bank|Fund|Organization|Organisation|Association|Group|Company|Corporation|Inc|Network|Service|Forces|Army|Police|Street|City|County|Center|Centre|Foundation|Campaign|Journal|Press|Radio|Television|Channel|Magazine|Review|Daily|Herald|Tribune|Guardian|Telegraph|Independent|Axios|Reuters|Politico|Club|Board|Authority|Alliance|Coalition|Movement|Front|Treaty|Charter|Summit|Conference|Assembly|Parliament|Cabinet|Kremlin|Pentagon)$/;

export const INTRO = /^(during|before|after|in|on|at|however|meanwhile|there|speaking|when|while|following|regarding|despite|earlier|later|still|but|and|yet|so|separately|also|on|last|this|asked|since|as)$/i;
export const LOWER_ROLE = /^(president|envoy|special|minister|secretary|leader|chancellor|spokesman|spokeswoman|spokesperson|senator|governor|chief|general|adviser|advisor|candidate|nominee|foreign|prime|vice|former|state|deputy|senior|top|presidential|defense|defence|press|campaign|manager|director|chairman|official|ambassador|commissioner|representative|rep|sen|gov)$/i;

/** Determiners, possessive pronouns and quantifiers that open a descriptive speaker ("the spokesman", "one official"). */
export const DETERMINER = /^(the|a|an|his|her|their|its|our|my|your|this|these|those|one|another|some|many|several|both|two|three|four|five|each|every|any|most|all|other)$/i;

/** Words that end a noun phrase read backwards: conjunctions, relatives and subordinators. */
export const BOUNDARY_WORD = /^(that|and|but|or|nor|as|while|when|who|whom|whose|which|because|if|so|than|then|where|since|though|although|unless|until|whether|not|also)$/i;

/** Prepositions: a phrase after one is a complement or an adjunct, not a subject. */
export const PREPOSITION = /^(of|for|in|on|at|by|to|with|from|about|after|before|during|over|under|into|onto|upon|through|via|against|among|amid|between|without|within|toward|towards|behind|beyond|across|around|near|like|per|despite|including)$/i;

/** Auxiliaries and modals: never a noun, they sit between a subject and its verb. */
export const AUXILIARY = /^(is|was|are|were|be|been|being|am|has|have|had|having|do|does|did|will|would|shall|should|can|could|may|might|must|'s|’s|'d|’d)$/i;

/** Irregular past forms that would otherwise read as nouns at the end of a phrase ("the meeting began"). */
export const IRREGULAR_PAST = /^(began|became|brought|built|bought|came|caught|chose|did|drew|drove|fell|felt|fought|found|flew|forgot|gave|got|grew|had|heard|held|hit|kept|knew|laid|led|left|lent|lost|made|meant|met|paid|ran|rang|rose|sat|saw|sent|set|shook|shot|slept|sold|spoke|spent|stood|stole|struck|swore|took|taught|thought|threw|told|understood|went|won|wore|wrote|said)$/i;

/** Nouns ending in -ly, so that the -ly adverb test spares them. */
export const NOUN_IN_LY = /^(ally|allies|family|assembly|monopoly|supply|rally|reply|anomaly|italy|july|fly|belly|bully|lily|jelly|folly|holly|tally|melancholy|homily|deputy)$/i;

/** Past forms that look like cue verbs by their ending but never introduce speech (time and place words, adjectives). */
export const NOT_A_CUE = /^(need|indeed|proceed|succeed|exceed|based|related|united|limited|interested|concerned|supposed|used|tired|scared|married|worried|pleased|excited|surprised|armed|called|named|released|expected|scheduled|reported|elected|retired)$/;

/** Adjectives that take a complement after a noun: "a source close to the team", "people familiar with the talks". */
export const COMPLEMENT_ADJ = /^(close|closest|familiar|loyal|opposed|allied|connected|linked|tied|sympathetic|friendly|hostile|aligned|near|briefed)$/i;
