/**
 * Suggesting mode's arithmetic, pure: a proposal (a draft's or an amendment's text) shown over the agreed
 * text of a measure as track changes, and an edit made in the agreed text's coordinates carried over to the
 * proposal. Both directions use one diff of the raw texts (no normalising: every offset is a character of
 * the strings as they are), so what is shown and where typing lands always agree.
 */
import DiffMatchPatch from 'diff-match-patch';

/** A run of the diff of the agreed text → the proposal: 0 kept, -1 taken out, 1 put in. */
export type SuggestOp = [-1 | 0 | 1, string];

const dmp = new DiffMatchPatch();
dmp.Diff_Timeout = 0;

/**
 * The diff of the agreed text and a proposal, cleaned up to read as words (a run of changed letters inside
 * a word reads as the word changed, as in Word), deletions before insertions at one place.
 */
export function suggestOps(agreed: string, proposal: string): SuggestOp[] {
  if (agreed === proposal) return agreed ? [[0, agreed]] : [];
  const diffs = dmp.diff_main(agreed, proposal, false);
  dmp.diff_cleanupSemantic(diffs);
  return diffs.map((d) => [d[0] as -1 | 0 | 1, d[1]]);
}

/**
 * The proposal's offset for a caret at `offset` of the agreed text: text put in right at the caret counts
 * as before it (the caret stands after what was typed there) unless `before`, text taken out around it
 * collapses.
 */
export function toProposal(ops: readonly SuggestOp[], offset: number, before = false): number {
  let agreed = 0;
  let proposal = 0;
  for (const [kind, text] of ops) {
    if (kind === 0) {
      if (offset < agreed + text.length) return proposal + (offset - agreed);
      agreed += text.length;
      proposal += text.length;
    } else if (kind === -1) {
      if (offset < agreed + text.length) return proposal;
      agreed += text.length;
    } else {
      if (before && agreed === offset) return proposal;
      proposal += text.length;
    }
  }
  return proposal;
}

/**
 * The agreed text's offset where a proposal offset is shown: inside or right after text put in, the place
 * of that insertion (its widget stands just before the caret there); right before text taken out, before it.
 */
export function toAgreed(ops: readonly SuggestOp[], offset: number): number {
  let agreed = 0;
  let proposal = 0;
  for (const [kind, text] of ops) {
    if (kind === 0) {
      if (offset <= proposal + text.length) return agreed + (offset - proposal);
      agreed += text.length;
      proposal += text.length;
    } else if (kind === -1) {
      if (offset <= proposal) return agreed;
      agreed += text.length;
    } else {
      if (offset <= proposal + text.length) return agreed;
      proposal += text.length;
    }
  }
  return agreed;
}

/** An edit as made in the agreed text: the range `from`–`to` (agreed offsets) replaced by `insert`. */
export interface AgreedEdit {
  from: number;
  to: number;
  insert: string;
  /** Where the caret was before the edit (agreed offset): tells Backspace (at `to`) from Delete (at `from`). */
  head: number;
  /**
   * The caret in the proposal, when the caret has not moved since the last edit there: typing goes on
   * exactly where it was (the agreed offset alone is ambiguous next to text just typed).
   */
  caret?: number;
}

/** An edit of the proposal (its offsets), and where the caret is afterwards in the proposal and the agreed text. */
export interface ProposalEdit {
  index: number;
  remove: number;
  insert: string;
  /** The caret afterwards in the proposal. */
  proposalCaret: number;
  /** The caret afterwards as an agreed-text offset (where the editor shows it). */
  caret: number;
}

/**
 * Carries an edit made in the agreed text over to the proposal shown on it, as if it were made in the
 * proposal itself: typing goes in at the caret, Backspace takes the character before it (a typed letter, or
 * an agreed one that is then shown struck through), Delete the one after it; a selected range maps to the
 * proposal's range, keeping what was put in at its ends.
 */
export function carryEdit(agreed: string, proposal: string, edit: AgreedEdit): ProposalEdit {
  const ops = suggestOps(agreed, proposal);
  const typing = edit.from === edit.to;
  const backspace = edit.insert === '' && edit.to - edit.from === 1 && edit.head === edit.to;
  const del = edit.insert === '' && edit.to - edit.from === 1 && edit.head === edit.from;
  let index: number;
  let remove: number;
  if (typing || backspace || del) {
    const at = edit.caret ?? toProposal(ops, edit.head);
    index = backspace ? Math.max(0, at - 1) : at;
    remove = typing ? 0 : backspace ? at - index : Math.min(1, proposal.length - at);
  } else {
    index = toProposal(ops, edit.from, true);
    remove = Math.max(index, toProposal(ops, edit.to, true)) - index;
  }
  const next = proposal.slice(0, index) + edit.insert + proposal.slice(index + remove);
  const proposalCaret = index + edit.insert.length;
  return {
    index,
    remove,
    insert: edit.insert,
    proposalCaret,
    caret: toAgreed(suggestOps(agreed, next), proposalCaret),
  };
}

/** Applies a proposal edit to the proposal's text. */
export function applyProposalEdit(
  proposal: string,
  edit: Pick<ProposalEdit, 'index' | 'remove' | 'insert'>,
): string {
  return proposal.slice(0, edit.index) + edit.insert + proposal.slice(edit.index + edit.remove);
}
