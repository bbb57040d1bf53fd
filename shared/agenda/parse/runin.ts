/**
 * Run-in section titles: a topic that starts with a short bold lead inside its first paragraph ("De
 * belastingen hervormen. Door de veel …") instead of a title on its own line. The extracted text lost the
 * bold, so the lead is recognised by its form: a short first sentence that is a heading, not a clause.
 */

/**
 * Words that make a sentence a clause rather than a heading: subject pronouns and finite verbs (Dutch and
 * English). A lead names a topic, often as an infinitive phrase ("De belastingen hervormen.", "Hervormen van
 * de arbeidsmarkt."); a short opening sentence such as "Nederland is een land van doeners." is prose.
 */
// prettier-ignore
const CLAUSE_WORDS = new Set([
  // Dutch subject pronouns
  'ik', 'je', 'jij', 'u', 'hij', 'zij', 'ze', 'we', 'wij', 'men', 'er',
  // Dutch finite verbs that are never infinitives
  'is', 'zijn', 'was', 'waren', 'wordt', 'werd', 'werden', 'heeft', 'had', 'hadden', 'kan', 'kon',
  'moet', 'wil', 'zal', 'zou', 'mag', 'gaat', 'komt', 'blijft', 'staat', 'doet', 'maakt', 'geeft',
  // English
  'i', 'they', 'he', 'she', 'it', 'are', 'were', 'will', 'has', 'have', 'can', 'must',
]);

/**
 * Words that refer back to the text before or connect to it. A topic lead stands on its own, so a first
 * sentence opening with one of them ("Dit alles vraagt om een lange adem.") is prose, not a lead.
 */
// prettier-ignore
const CONNECTIVES = new Set([
  'dit', 'dat', 'deze', 'die', 'daarom', 'daarmee', 'daarbij', 'daardoor', 'daarnaast', 'hiermee', 'hierbij',
  'zo', 'ook', 'maar', 'en', 'of', 'want', 'dus', 'toch', 'tegelijk', 'bovendien', 'kortom', 'immers',
  'this', 'that', 'these', 'those', 'so', 'but', 'and', 'also', 'therefore',
]);

/** At most this many words and characters in a lead. */
const MAX_WORDS = 8;
const MAX_CHARS = 70;

/** Whether a text reads as a clause: it holds a subject pronoun or a common finite verb. */
export function isClause(text: string): boolean {
  return text.split(/\s+/u).some((w) => CLAUSE_WORDS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')));
}

export interface RunIn {
  /** The lead sentence with its full stop, as printed: the section title. */
  lead: string;
  /** The rest of the paragraph. */
  rest: string;
}

/**
 * The run-in lead of a paragraph: its first sentence when that sentence starts with a capital, ends with
 * a full stop, is followed by another sentence, has two to eight words, no comma, colon or semicolon, does
 * not open with a connective ("Dit", "Daarom", "Maar") and has no subject pronoun or common finite verb. Null when the paragraph does not start with a lead.
 */
export function runInLead(paragraph: string): RunIn | null {
  const match = /^(\p{Lu}[^.!?:;,]*\.)\s+(?=["'‘“(]?\p{Lu})/u.exec(paragraph);
  if (!match?.[1]) return null;
  const lead = match[1];
  const words = lead.slice(0, -1).split(/\s+/u);
  if (words.length < 2 || words.length > MAX_WORDS || lead.length > MAX_CHARS) return null;
  const bare = (word: string): string => word.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (CONNECTIVES.has(bare(words[0] ?? ''))) return null;
  if (words.some((w) => CLAUSE_WORDS.has(bare(w)))) return null;
  return { lead, rest: paragraph.slice(match[0].length) };
}
