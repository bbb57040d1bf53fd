import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChanges, changesOf, reapply } from '../../shared/amendments/reapply.js';
import { diffText, normalizeText } from '../../shared/diff/index.js';

const base = 'We bouwen jaarlijks 100.000 woningen en schrappen regels voor optoppen van bestaande panden.';

describe('re-applying an amendment onto a measure that moved on', () => {
  it('gives the proposed text when the measure did not change', () => {
    const proposed = 'We bouwen jaarlijks 120.000 woningen en schrappen regels.';
    expect(reapply(base, proposed, base)).toEqual({ kind: 'clean', text: proposed });
  });

  it('combines changes that do not overlap', () => {
    const proposed = base.replace('100.000', '120.000');
    const current = base.replace('bestaande panden', 'bestaande kantoorpanden');
    expect(reapply(base, proposed, current)).toEqual({
      kind: 'clean',
      text: 'We bouwen jaarlijks 120.000 woningen en schrappen regels voor optoppen van bestaande kantoorpanden.',
    });
  });

  it('flags a conflict when both changed the same words', () => {
    const proposed = base.replace('100.000', '120.000');
    const current = base.replace('100.000', '90.000');
    expect(reapply(base, proposed, current)).toEqual({ kind: 'conflict' });
  });

  it('counts a change made identically on both sides once', () => {
    const proposed = base.replace('100.000', '120.000').replace('regels', 'alle regels');
    const current = base.replace('100.000', '120.000');
    expect(reapply(base, proposed, current)).toEqual({ kind: 'clean', text: normalizeText(proposed) });
  });

  it('reads back the new text from the changes of any diff', () => {
    const words = fc.array(fc.constantFrom('we', 'bouwen', 'meer', 'woningen', 'regels', '100.000', ','), {
      maxLength: 20,
    });
    fc.assert(
      fc.property(words, words, (a, b) => {
        const from = normalizeText(a.join(' '));
        const to = normalizeText(b.join(' '));
        return applyChanges(from, changesOf(diffText(from, to))) === to;
      }),
    );
  });

  it('keeps both sides’ changes in a clean merge, and is clean when only one side changed', () => {
    const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta');
    const text = fc.array(word, { minLength: 6, maxLength: 14 });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), word, word, (ws, i, j, x, y) => {
        const b = ws.join(' ');
        const p = ws.map((w, k) => (k === i % ws.length ? `${x}X` : w)).join(' ');
        const c = ws.map((w, k) => (k === j % ws.length ? `${y}Y` : w)).join(' ');
        expect(reapply(b, p, b)).toEqual({ kind: 'clean', text: p });
        expect(reapply(b, b, c)).toEqual({ kind: 'clean', text: c });
        const merged = reapply(b, p, c);
        if (merged.kind === 'clean') {
          expect(merged.text).toContain(`${x}X`);
          expect(merged.text).toContain(`${y}Y`);
        } else {
          // Only neighbouring or identical words can conflict.
          expect(Math.abs((i % ws.length) - (j % ws.length))).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
