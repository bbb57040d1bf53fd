import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isRefusal, transition, type AmendmentAction } from '../../shared/amendments/lifecycle.js';
import type { Amendment, AmendmentStatus, Refusal } from '../../shared/amendments/types.js';
import { amendment, chair, d66, NOW, reviewer, vvd } from './fixtures.js';

const draft = amendment({ status: 'draft', baseText: null, submittedAt: null, text: null });

function ok(result: Amendment | Refusal): Amendment {
  if (isRefusal(result)) throw new Error(`refused: ${result.reason}`);
  return result;
}
function refusal(result: Amendment | Refusal): Refusal {
  if (!isRefusal(result)) throw new Error(`not refused: ${result.status}`);
  return result;
}

describe('the amendment lifecycle', () => {
  it('submits a draft of the own party with its text and the measure text as base', () => {
    const submitted = ok(
      transition(
        draft,
        {
          kind: 'submit',
          now: NOW,
          text: ' Meer. ',
          rationale: 'Omdat.',
          authors: ['p-2'],
          baseText: 'Base.',
        },
        vvd,
      ),
    );
    expect(submitted).toMatchObject({
      status: 'submitted',
      text: 'Meer.',
      baseText: 'Base.',
      submittedAt: NOW,
      authors: ['p-vvd', 'p-2'],
    });
    expect(draft.status).toBe('draft');
  });

  it('refuses a submission by another party, and an empty replacement text', () => {
    const submit: AmendmentAction = {
      kind: 'submit',
      now: NOW,
      text: 'x',
      rationale: '',
      authors: [],
      baseText: 'b',
    };
    expect(refusal(transition(draft, submit, d66)).status).toBe(403);
    expect(refusal(transition(draft, { ...submit, text: '  ' }, vvd)).status).toBe(400);
    expect(refusal(transition(draft, submit, reviewer)).status).toBe(403);
  });

  it('lets only the chair accept or reject, and only a submitted amendment', () => {
    const submitted = amendment();
    expect(refusal(transition(submitted, { kind: 'accept', now: NOW, conflict: false }, vvd)).status).toBe(
      403,
    );
    expect(refusal(transition(submitted, { kind: 'reject', now: NOW }, reviewer)).status).toBe(403);
    const accepted = ok(transition(submitted, { kind: 'accept', now: NOW, conflict: false }, chair));
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: 'p-chair', decidedAt: NOW });
    expect(refusal(transition(accepted, { kind: 'reject', now: NOW }, chair)).status).toBe(409);
    expect(refusal(transition(draft, { kind: 'accept', now: NOW, conflict: false }, chair)).status).toBe(409);
  });

  it('refuses to accept a conflicting amendment until its party updates it', () => {
    const submitted = amendment();
    expect(refusal(transition(submitted, { kind: 'accept', now: NOW, conflict: true }, chair)).status).toBe(
      409,
    );
    const updated = ok(
      transition(
        submitted,
        { kind: 'update', now: NOW, text: 'Nieuw.', rationale: 'r', baseText: 'Huidig.' },
        vvd,
      ),
    );
    expect(updated).toMatchObject({ text: 'Nieuw.', baseText: 'Huidig.', status: 'submitted' });
  });

  it('lets the party withdraw before a decision but not after', () => {
    expect(ok(transition(amendment(), { kind: 'withdraw', now: NOW }, vvd)).status).toBe('withdrawn');
    expect(ok(transition(draft, { kind: 'withdraw', now: NOW }, vvd)).status).toBe('withdrawn');
    expect(refusal(transition(amendment(), { kind: 'withdraw', now: NOW }, d66)).status).toBe(403);
    const rejected = amendment({ status: 'rejected' });
    expect(refusal(transition(rejected, { kind: 'withdraw', now: NOW }, vvd)).status).toBe(409);
  });

  it('lets the chair group submitted amendments only', () => {
    expect(ok(transition(amendment(), { kind: 'group', group: 'g1' }, chair)).group).toBe('g1');
    expect(refusal(transition(amendment(), { kind: 'group', group: 'g1' }, vvd)).status).toBe(403);
    expect(refusal(transition(draft, { kind: 'group', group: 'g1' }, chair)).status).toBe(409);
  });

  it('never leaves a decided or withdrawn amendment, whatever anyone tries', () => {
    const statuses: AmendmentStatus[] = ['accepted', 'rejected', 'withdrawn'];
    const actions: AmendmentAction[] = [
      { kind: 'submit', now: NOW, text: 't', rationale: '', authors: [], baseText: 'b' },
      { kind: 'withdraw', now: NOW },
      { kind: 'accept', now: NOW, conflict: false },
      { kind: 'reject', now: NOW },
      { kind: 'update', now: NOW, text: 't', rationale: '', baseText: 'b' },
      { kind: 'group', group: 'g' },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.constantFrom(...actions),
        fc.constantFrom(vvd, d66, chair, reviewer),
        (status, action, actor) => {
          const result = transition(amendment({ status }), action, actor);
          return isRefusal(result);
        },
      ),
    );
  });
});
