import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyProposalEdit,
  carryEdit,
  suggestOps,
  toAgreed,
  toProposal,
  type AgreedEdit,
} from '../../shared/amendments/suggest.js';

const AGREED = 'We bouwen 100.000 woningen per jaar.';

/** Types `keys` one by one at agreed offset `at` (Backspace as '\b'), as suggesting mode does. */
function typeAt(
  agreed: string,
  proposal: string,
  at: number,
  keys: string,
  start?: number,
): { proposal: string; caret: number; proposalCaret: number | undefined } {
  let caret = at;
  let proposalCaret = start;
  for (const key of keys) {
    const edit: AgreedEdit =
      key === '\b'
        ? { from: caret - 1, to: caret, insert: '', head: caret, caret: proposalCaret }
        : { from: caret, to: caret, insert: key, head: caret, caret: proposalCaret };
    const carried = carryEdit(agreed, proposal, edit);
    proposal = applyProposalEdit(proposal, carried);
    caret = carried.caret;
    proposalCaret = carried.proposalCaret;
  }
  return { proposal, caret, proposalCaret };
}

describe('suggesting over the agreed text', () => {
  it('builds a proposal from typing at one place, the caret staying after what was typed', () => {
    const at = AGREED.indexOf(' woningen');
    const { proposal, caret } = typeAt(AGREED, AGREED, at, ' nieuwe');
    expect(proposal).toBe('We bouwen 100.000 nieuwe woningen per jaar.');
    // The diff may put the typed space on either side of the agreed one; the caret follows it.
    const ops = suggestOps(AGREED, proposal);
    expect(ops.filter((o) => o[0] !== 0).map((o) => o[1].trim())).toEqual(['nieuwe']);
    expect(caret === at || caret === at + 1).toBe(true);
  });

  it('takes typed letters back with Backspace before it strikes agreed ones', () => {
    const at = AGREED.indexOf(' woningen');
    const typed = typeAt(AGREED, AGREED, at, ' ne');
    const back = typeAt(AGREED, typed.proposal, typed.caret, '\b\b\b\b', typed.proposalCaret);
    expect(back.proposal).toBe('We bouwen 100.00 woningen per jaar.');
    expect(back.caret).toBe(at - 1);
  });

  it('replaces a selected word, showing the old struck and the new after it', () => {
    const from = AGREED.indexOf('100.000');
    const to = from + '100.000'.length;
    const carried = carryEdit(AGREED, AGREED, { from, to, insert: '120.000', head: to });
    const proposal = applyProposalEdit(AGREED, carried);
    expect(proposal).toBe(AGREED.replace('100.000', '120.000'));
    expect(carried.caret).toBe(to);
  });

  it('strikes the character after the caret with Delete and the one before it with Backspace', () => {
    const del = carryEdit(AGREED, AGREED, { from: 3, to: 4, insert: '', head: 3 });
    expect(applyProposalEdit(AGREED, del)).toBe(AGREED.slice(0, 3) + AGREED.slice(4));
    const back = carryEdit(AGREED, AGREED, { from: 3, to: 4, insert: '', head: 4 });
    expect(applyProposalEdit(AGREED, back)).toBe(AGREED.slice(0, 3) + AGREED.slice(4));
    expect(back.caret).toBe(3);
  });

  it('maps offsets both ways consistently for any proposal', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (agreed, proposal) => {
        const ops = suggestOps(agreed, proposal);
        expect(
          ops
            .filter((o) => o[0] !== 1)
            .map((o) => o[1])
            .join(''),
        ).toBe(agreed);
        expect(
          ops
            .filter((o) => o[0] !== -1)
            .map((o) => o[1])
            .join(''),
        ).toBe(proposal);
        for (let o = 0; o <= agreed.length; o++) {
          const p = toProposal(ops, o);
          expect(p).toBeGreaterThanOrEqual(toProposal(ops, o, true));
          expect(toAgreed(ops, p)).toBeLessThanOrEqual(o);
        }
      }),
    );
  });

  it('types any text at any place of any proposal and finds it there', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 5 }),
        (agreed, proposal, n, typed) => {
          const at = n % (agreed.length + 1);
          const ops = suggestOps(agreed, proposal);
          const p = toProposal(ops, at);
          const result = typeAt(agreed, proposal, at, typed.replace(/\b/g, ''));
          expect(toProposal(suggestOps(agreed, result.proposal), result.caret)).toBeGreaterThanOrEqual(0);
          expect(result.proposal).toBe(proposal.slice(0, p) + typed.replace(/\b/g, '') + proposal.slice(p));
        },
      ),
    );
  });
});
