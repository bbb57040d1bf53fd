import { describe, expect, it } from 'vitest';
import { viewAmendments } from '../../shared/amendments/view.js';
import { amendment } from './fixtures.js';

const original = 'We bouwen meer woningen in de regio.';

describe('amendments shown beside their measure', () => {
  it('shows the diff against the current and the original text', () => {
    const current = 'We bouwen snel meer woningen in de regio.';
    const [view] = viewAmendments(
      [amendment({ baseText: current, text: 'We bouwen snel meer huizen in de regio.' })],
      current,
      original,
    );
    expect(view!.conflict).toBe(false);
    expect(view!.diffCurrent).toContainEqual([-1, 'woningen']);
    expect(view!.diffCurrent).toContainEqual([1, 'huizen']);
    expect(view!.diffOriginal).toContainEqual([1, 'snel ']);
  });

  it('compares with the original only when it differs from the current text', () => {
    const proposal = amendment({ baseText: original, text: 'We bouwen meer huizen in de regio.' });
    const [same] = viewAmendments([proposal], ` ${original}`, original);
    expect(same!.originalDiffers).toBe(false);
    expect(same!.diffOriginal).toEqual(same!.diffCurrent);
    const [changed] = viewAmendments([proposal], 'We bouwen snel meer woningen in de regio.', original);
    expect(changed!.originalDiffers).toBe(true);
    const [added] = viewAmendments([{ ...proposal, kind: 'insert' }], null, null);
    expect(added!.originalDiffers).toBe(false);
    const [removed] = viewAmendments([{ ...proposal, kind: 'delete' }], null, original);
    expect(removed!.originalDiffers).toBe(true);
  });

  it('re-applies cleanly when the measure changed elsewhere, and flags a conflict when it changed the same words', () => {
    const clean = viewAmendments(
      [amendment({ baseText: original, text: 'We bouwen meer huizen in de regio.' })],
      'We bouwen meer woningen in de hele regio.',
      original,
    )[0]!;
    expect(clean).toMatchObject({
      conflict: false,
      effectiveText: 'We bouwen meer huizen in de hele regio.',
    });
    const conflicting = viewAmendments(
      [amendment({ baseText: original, text: 'We bouwen meer huizen in de regio.' })],
      'We bouwen meer flats in de regio.',
      original,
    )[0]!;
    expect(conflicting.conflict).toBe(true);
    expect(conflicting.effectiveText).toBe('We bouwen meer huizen in de regio.');
  });

  it('marks pending amendments whose changes overlap as colliding, and leaves others alone', () => {
    const current = original;
    const views = viewAmendments(
      [
        amendment({ id: 'a', baseText: current, text: 'We bouwen meer huizen in de regio.' }),
        amendment({ id: 'b', baseText: current, text: 'We bouwen meer flats in de regio.', party: 'D66' }),
        amendment({
          id: 'c',
          baseText: current,
          text: 'Wij bouwen meer woningen in de regio.',
          party: 'CDA',
        }),
        amendment({ id: 'd', baseText: current, kind: 'insert', text: 'Een nieuwe maatregel.' }),
        amendment({
          id: 'e',
          baseText: current,
          status: 'rejected',
          text: 'We bouwen meer villa’s in de regio.',
        }),
      ],
      current,
      original,
    );
    const by = Object.fromEntries(views.map((v) => [v.id, v.collidesWith]));
    expect(by).toEqual({ a: ['b'], b: ['a'], c: [], d: [], e: [] });
  });

  it('makes a deletion collide with every pending change of the measure, and conflict once the measure changed', () => {
    const views = viewAmendments(
      [
        amendment({ id: 'a', baseText: original, text: 'We bouwen meer huizen in de regio.' }),
        amendment({ id: 'x', baseText: original, kind: 'delete', text: null }),
      ],
      original,
      original,
    );
    expect(views[1]!.collidesWith).toEqual(['a']);
    expect(views[1]!.diffCurrent).toEqual([[-1, original]]);
    const moved = viewAmendments([amendment({ kind: 'delete', text: null })], 'Iets anders.', original);
    expect(moved[0]!.conflict).toBe(true);
  });

  it('flags a pending amendment on a deleted measure as conflicting', () => {
    expect(viewAmendments([amendment()], null, original)[0]!.conflict).toBe(true);
  });
});
