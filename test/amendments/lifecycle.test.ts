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
    expect(refusal(transition(draft, submit, d66)).kind).toBe('forbidden');
    expect(refusal(transition(draft, { ...submit, text: '  ' }, vvd)).kind).toBe('invalid');
    expect(refusal(transition(draft, submit, reviewer)).kind).toBe('forbidden');
  });

  it('lets only the chair accept or reject, and only a submitted amendment', () => {
    const submitted = amendment();
    expect(refusal(transition(submitted, { kind: 'accept', now: NOW, conflict: false }, vvd)).kind).toBe(
      'forbidden',
    );
    expect(refusal(transition(submitted, { kind: 'reject', now: NOW }, reviewer)).kind).toBe('forbidden');
    const accepted = ok(transition(submitted, { kind: 'accept', now: NOW, conflict: false }, chair));
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: 'p-chair', decidedAt: NOW });
    expect(refusal(transition(accepted, { kind: 'reject', now: NOW }, chair)).kind).toBe('conflict');
    expect(refusal(transition(draft, { kind: 'accept', now: NOW, conflict: false }, chair)).kind).toBe(
      'conflict',
    );
  });

  it('refuses to accept a conflicting amendment until its party updates it', () => {
    const submitted = amendment();
    expect(refusal(transition(submitted, { kind: 'accept', now: NOW, conflict: true }, chair)).kind).toBe(
      'conflict',
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
    expect(refusal(transition(amendment(), { kind: 'withdraw', now: NOW }, d66)).kind).toBe('forbidden');
    const rejected = amendment({ status: 'rejected' });
    expect(refusal(transition(rejected, { kind: 'withdraw', now: NOW }, vvd)).kind).toBe('conflict');
  });

  it('names the role and the action when the role table refuses a move', () => {
    const denied = refusal(transition(amendment(), { kind: 'accept', now: NOW, conflict: false }, vvd));
    expect(denied).toMatchObject({ kind: 'forbidden', role: 'negotiator', action: 'amendment.decide' });
    expect(denied.reason).toBe('Uw rol (negotiator) mag dit niet doen: over amendementen beslissen.');
  });

  it('lets a party change a draft whose text is still empty, but not empty a submitted amendment', () => {
    const update: AmendmentAction = { kind: 'update', now: NOW, text: '', rationale: 'r', baseText: null };
    expect(ok(transition(draft, update, vvd))).toMatchObject({ status: 'draft', text: '', rationale: 'r' });
    expect(refusal(transition(amendment(), update, vvd)).kind).toBe('invalid');
    expect(refusal(transition(draft, update, d66)).kind).toBe('forbidden');
  });

  it('lets the chair group submitted amendments only', () => {
    expect(ok(transition(amendment(), { kind: 'group', group: 'g1' }, chair)).group).toBe('g1');
    expect(refusal(transition(amendment(), { kind: 'group', group: 'g1' }, vvd)).kind).toBe('forbidden');
    expect(refusal(transition(draft, { kind: 'group', group: 'g1' }, chair)).kind).toBe('conflict');
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
