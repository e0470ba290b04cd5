/**
 * Word lists the benchmark corpus is built from. Generic news English only:
 * nothing here is taken from the sample or shared corpora, so the corpus
 * exercises the analysis without matching anything it was tuned on.
 */

/** Syllables for invented names (people, places, organisations) and invented topic words. */
export const SYLLABLES = [
  "ka", "lo", "ren", "vi", "mar", "do", "sel", "tan", "bri", "os", "fen", "ru", "gal", "mi", "tor",
  "va", "len", "ish", "pe", "dra", "cor", "ne", "sal", "quin", "ber", "tho", "ma", "ul", "zen", "har",
] as const;

/**
 * Common news words and a near synonym: "controlled rewording" swaps these,
 * the kind of edit a rewrite desk or a text generator makes.
 */
export const SYNONYMS: Readonly<Record<string, string>> = {
  said: "stated",
  says: "states",
  told: "informed",
  big: "large",
  important: "crucial",
  agreed: "accepted",
  meeting: "talks",
  officials: "authorities",
  about: "around",
  help: "assist",
  also: "additionally",
  however: "but",
  very: "really",
  several: "many",
  people: "residents",
  new: "fresh",
  plan: "proposal",
  country: "nation",
  leaders: "heads",
  support: "backing",
  announced: "declared",
  expected: "anticipated",
  reported: "noted",
  increase: "rise",
  major: "significant",
  quickly: "rapidly",
  start: "begin",
  began: "started",
  show: "indicate",
  shows: "indicates",
  need: "require",
  needs: "requires",
  ready: "prepared",
  want: "wish",
  wants: "wishes",
  hard: "difficult",
  first: "initial",
  end: "close",
  talks: "negotiations",
  deal: "agreement",
  before: "prior to",
  after: "following",
  because: "since",
  main: "principal",
};

/** Words a rewrite inserts into a quote when it has nothing to swap. */
export const INTENSIFIERS = ["really", "indeed", "truly", "clearly"] as const;

/** English function words that start sentences: never taken for names. */
export const NOT_NAMES = new Set([
  "The", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "You", "In", "On", "At", "But",
  "And", "As", "If", "For", "After", "Before", "When", "While", "What", "Why", "How", "Who", "Which",
  "An", "Mr", "Mrs", "Ms", "Dr", "According", "Speaking", "Meanwhile", "However", "There", "Here",
  "Its", "His", "Her", "Their", "Our", "Your", "Yes", "No", "Not", "So", "Then", "Now", "By", "With",
  "From", "To", "Of", "Or", "Is", "Are", "Was", "Were", "Will", "Would", "Can", "Could", "Should", "Also",
  "Some", "Many", "All", "Any", "Each", "Every", "Other", "One", "Two", "Three", "Such", "Still",
  "Earlier", "Later", "Last", "Next", "Over", "Under", "During", "Since", "Until", "Although", "Because",
  "Despite", "Instead", "Even", "Only", "Just", "More", "Most", "Read", "Share", "Related", "Source",
]);

/** Parts of invented outlet names. */
export const OUTLET_PLACES = [
  "Northgate", "Riverside", "Capital", "Harbor", "Summit", "Lakeshore", "Eastern", "Westfield", "Pinecrest",
  "Granite", "Coastal", "Valley", "Metro", "Prairie", "Highland",
] as const;
export const OUTLET_KINDS = [
  "Herald", "Ledger", "Courier", "Gazette", "Tribune", "Post", "Wire", "Observer", "Chronicle", "Dispatch",
] as const;

/** Topics for the unrelated filler stories: a subject noun, things counted, and an action. */
export const FILLER_TOPICS = [
  { subject: "bridge repair", unit: "lanes", thing: "contract", verb: "reopen" },
  { subject: "hospital expansion", unit: "beds", thing: "wing", verb: "open" },
  { subject: "wind farm", unit: "turbines", thing: "permit", verb: "install" },
  { subject: "school budget", unit: "teachers", thing: "levy", verb: "hire" },
  { subject: "flood defences", unit: "pumps", thing: "barrier", verb: "build" },
  { subject: "rail strike", unit: "trains", thing: "timetable", verb: "cancel" },
  { subject: "housing scheme", unit: "homes", thing: "zoning plan", verb: "approve" },
  { subject: "football stadium", unit: "seats", thing: "lease", verb: "renovate" },
  { subject: "water shortage", unit: "reservoirs", thing: "rationing order", verb: "refill" },
  { subject: "airport runway", unit: "flights", thing: "noise limit", verb: "extend" },
] as const;

/**
 * Sentence templates for filler stories. Slots: {P} a person's full name,
 * {L} the same person's surname, {O} an organisation, {C} a place, {N} a
 * number, {S} the subject, {U} the unit counted, {T} the thing, {V} the verb.
 */
export const FILLER_SENTENCES = [
  "{O} said on Tuesday that {N} {U} would be ready before the end of the year.",
  "The {S} in {C} has been delayed twice since the {T} was first proposed.",
  "Council members in {C} voted {N} to 4 to move the {T} forward.",
  "{P}, who leads {O}, said the cost had risen to {N} million.",
  "Residents of {C} have complained about the {S} for months.",
  "The {T} requires the operator to {V} at least {N} {U} within two years.",
  "Opponents argue that the {S} will do little for people outside {C}.",
  "{O} estimates that the work will employ {N} people at its peak.",
  "A public hearing on the {T} is scheduled for next month in {C}.",
  "The {S} is the largest project of its kind in the region since {N}.",
  "Critics of the {T} say it was approved without a proper review.",
  "Funding for the {S} comes partly from a regional grant of {N} million.",
] as const;

/** Quote templates for filler stories (the words inside the marks). */
export const FILLER_QUOTES = [
  "We have waited long enough, and the {S} cannot slip again",
  "Nobody in {C} should have to live with this uncertainty for another winter",
  "The {T} is fair, it is affordable and it will {V} {N} {U} on time",
  "I understand the frustration, but we will not cut corners on safety",
  "This is a good day for {C} and for everyone who fought for the {S}",
  "We asked for answers and we were given another delay",
] as const;

/** Claim templates for added claims (no other outlet of the story carries them). */
export const ADDED_CLAIMS = [
  "{A} is expected to announce a further {N} measures within weeks.",
  "Analysts estimate that the decision could cost {A} up to {N} million.",
  "{A} has faced similar criticism at least {N} times in the past decade.",
  "A poll published this week found that {N} percent of voters back {A}.",
  "Insiders say {A} privately opposed the plan until {N} days ago.",
  "The agreement is reportedly worth more than {N} billion to {A}.",
] as const;

/** Padding blocks a text generator adds: a label and generic lines. */
export const FAQ_LABELS = ["Frequently Asked Questions", "FAQ", "People Also Ask"] as const;
export const FAQ_QUESTIONS = [
  "What happened?",
  "Why does it matter?",
  "What happens next?",
  "Who is involved?",
] as const;
export const LIST_LABELS = ["What This Means for You", "Key Takeaways", "At a Glance"] as const;
export const LIST_ITEMS = [
  "Prices in the region may change in the coming months.",
  "Further announcements are likely before the end of the year.",
  "Residents should follow official guidance as it is updated.",
  "The decision could affect travel and supply routes.",
  "Businesses may face new paperwork under the arrangement.",
] as const;

/**
 * Words that carry the structure of news prose (attribution cues, connectives,
 * quantities): kept when a story family's topic words are replaced, so the
 * variants still read as news to the quote and claim extractors.
 */
export const STRUCTURE_WORDS = new Set([
  "according", "about", "after", "against", "because", "before", "between", "during", "through", "without",
  "their", "there", "which", "would", "could", "should", "while", "where", "those", "these", "other", "under",
  "added", "asked", "argued", "warned", "insisted", "explained", "confirmed", "denied", "claimed", "stated",
  "statement", "reporters", "interview", "spokesperson", "spokesman", "spokeswoman", "percent", "million",
  "billion", "thousand", "hundred", "people", "frequently", "questions", "monday", "tuesday", "wednesday",
  "thursday", "friday", "saturday", "sunday",
]);
