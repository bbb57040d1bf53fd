/**
 * The introduction: everything before the first chapter heading. It opens with a few short head lines
 * (a kind label such as "Uitnodiging", then the title), has paragraphs, and may close with a signature.
 */
import { toBlocks } from './blocks.js';
import { joinLines, type Vocabulary } from './dehyphenate.js';
import { endsSentence, normalizeSpaces, stripBullet, wordCount, type Line } from './lines.js';

export interface Intro {
  title: string;
  paragraphs: string[];
  signature: string | null;
}

/** Head lines and signatures are at most this share of the wrap width. */
const HEAD_WIDTH = 0.75;
const MAX_LABEL_WORDS = 2;
const MAX_SIGNATURE_WORDS = 10;

/**
 * Reads the introduction. Head lines are the leading lines that are short and do not end a sentence; a
 * head line starting in lower case continues the one before (a wrapped title). With two or more heads, a
 * first head of one or two words is a kind label ("Uitnodiging") and is left out, the next is the title,
 * any further heads become paragraphs. The last block is the signature when it is one short line that does
 * not end a sentence ("Rob Jetten & Henri Bontenbal") and paragraphs come before it.
 */
export function parseIntro(lines: readonly Line[], width: number, vocabulary: Vocabulary): Intro {
  const heads: string[][] = [];
  let rest = 0;
  for (; rest < lines.length; rest++) {
    const line = lines[rest]!;
    if (line.blank) continue;
    if (endsSentence(line.text) || line.text.length > HEAD_WIDTH * width) break;
    if (/^\p{Ll}/u.test(line.text) && heads.length > 0) heads.at(-1)!.push(line.text);
    else heads.push([line.text]);
  }
  const headTexts = heads.map((h) => joinLines(h, vocabulary));
  if (headTexts.length >= 2 && wordCount(headTexts[0]!) <= MAX_LABEL_WORDS) headTexts.shift();
  const title = headTexts.shift() ?? '';

  const blocks = toBlocks(lines.slice(rest), { width, titles: false });
  const paragraphs = [
    ...headTexts,
    ...blocks.map((b) => joinLines(b.lines.map(stripBullet), vocabulary)).filter(Boolean),
  ];
  const last = blocks.at(-1);
  let signature: string | null = null;
  if (
    last &&
    blocks.length > 1 &&
    last.lines.length === 1 &&
    !endsSentence(last.lines[0]!) &&
    wordCount(last.lines[0]!) <= MAX_SIGNATURE_WORDS &&
    last.lines[0]!.length <= HEAD_WIDTH * width
  ) {
    signature = normalizeSpaces(paragraphs.pop() ?? '');
  }
  return { title, paragraphs, signature };
}
