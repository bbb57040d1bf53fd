import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { toggleMark } from 'prosemirror-commands';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { schema } from '../../shared/schema/schema.js';
import { buildDocument } from '../../shared/agenda/build.js';
import { TEXT_FRAGMENT } from '../../shared/protocol/protocol.js';
import { checkTextUpdate, resolveUpdate } from '../../server/sync/validate/index.js';
import { TextIndex } from '../../server/sync/textIndex.js';
import { agenda } from '../helpers/agenda.js';
import {
  backspace,
  deleteForward,
  editorReplica,
  enter,
  redoCommand,
  select,
  textblocks,
  undoCommand,
  type EditorReplica,
} from '../helpers/editorReplica.js';
import { allIds } from '../helpers/attack.js';
import { fitsSchema } from '../helpers/schemaFit.js';

/**
 * Honest editors never have an update refused. Several replicas of the real editor's sync path (ProseMirror
 * commands, y-prosemirror, the id plugin, the structure guard) — chairs splitting, joining, retyping across
 * measures, undoing; a negotiator typing — edit concurrently, their updates reach the server's check in
 * random interleavings, and y-prosemirror repairs what merges make invalid. Every update must be accepted,
 * and in the end every replica and the server hold the same text, which fits the schema with unique ids.
 */
const AGENDA = agenda({
  WONEN: { Vandaag: ['Meer bouwen.', 'Minder regels.', 'Sneller vergunnen.'], Morgen: ['Betaalbaar.'] },
  ZORG: { Dichtbij: ['Huisarts om de hoek.', 'Wijkverpleging.'] },
});

type Op =
  | { kind: 'type'; block: number; offset: number; text: string }
  | { kind: 'erase'; block: number; offset: number; length: number }
  | { kind: 'enter' | 'backspace' | 'delete'; block: number; offset: number }
  | { kind: 'across'; block: number; offset: number; span: number; to: number; text: string }
  | { kind: 'bold'; block: number; offset: number; length: number }
  | { kind: 'undo' }
  | { kind: 'redo' };

type Step = { kind: 'edit'; replica: number; op: Op } | { kind: 'send' | 'receive'; replica: number };

const text = fc.constantFrom('a', 'Ja ', 'nieuw ', 'é', '  ');
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('type' as const), block: fc.nat(30), offset: fc.nat(40), text }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('erase' as const),
      block: fc.nat(30),
      offset: fc.nat(40),
      length: fc.integer({ min: 1, max: 8 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('enter' as const, 'backspace' as const, 'delete' as const),
      block: fc.nat(30),
      offset: fc.oneof(fc.constant(0), fc.constant(1000), fc.nat(40)),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('across' as const),
      block: fc.nat(30),
      offset: fc.oneof(fc.constant(0), fc.nat(40)),
      span: fc.integer({ min: 1, max: 3 }),
      to: fc.oneof(fc.constant(0), fc.nat(40)),
      text: fc.constantFrom('', 'x'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bold' as const),
      block: fc.nat(30),
      offset: fc.nat(40),
      length: fc.integer({ min: 1, max: 6 }),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom<Op>({ kind: 'undo' }, { kind: 'redo' }) },
);

type Role = { structure: boolean };

const stepFor = (replicas: number): fc.Arbitrary<Step> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('edit' as const), replica: fc.nat(replicas - 1), op }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constantFrom('send' as const, 'receive' as const),
        replica: fc.nat(replicas - 1),
      }),
    },
  );

function apply(replica: EditorReplica, o: Op): void {
  applyOp(replica, o);
  // A command may leave a node selection, which y-prosemirror 1.3 cannot always restore after a remote change
  // (a crash in its restoreRelativeSelection, unrelated to what is checked here): park the cursor in a text.
  select(replica, 1);
}

function applyOp(replica: EditorReplica, o: Op): void {
  if (o.kind === 'undo' || o.kind === 'redo')
    return void replica.run(o.kind === 'undo' ? undoCommand : redoCommand);
  const blocks = textblocks(replica.view.state);
  const index = o.block % blocks.length;
  const block = blocks[index]!;
  const at = (b: { from: number; to: number }, offset: number) => Math.min(b.from + offset, b.to);
  switch (o.kind) {
    case 'type':
      select(replica, at(block, o.offset));
      return replica.view.dispatch(replica.view.state.tr.insertText(o.text));
    case 'erase': {
      const from = at(block, o.offset);
      const to = Math.min(from + o.length, block.to);
      if (to <= from) return;
      select(replica, from, to);
      return replica.view.dispatch(replica.view.state.tr.deleteSelection());
    }
    case 'enter':
      select(replica, at(block, o.offset));
      return void replica.run(enter);
    case 'backspace':
      select(replica, at(block, o.offset));
      return void replica.run(backspace);
    case 'delete':
      select(replica, at(block, o.offset));
      return void replica.run(deleteForward);
    case 'across': {
      const last = blocks[Math.min(index + o.span, blocks.length - 1)]!;
      select(replica, at(block, o.offset), at(last, o.to));
      const tr = replica.view.state.tr;
      return replica.view.dispatch(o.text ? tr.insertText(o.text) : tr.deleteSelection());
    }
    case 'bold': {
      const from = at(block, o.offset);
      const to = Math.min(from + o.length, block.to);
      if (to <= from) return;
      select(replica, from, to);
      return void replica.run(toggleMark(schema.marks.strong!));
    }
  }
}

/** A refused update: which replica, and the reason the server gave. */
interface Refusal {
  replica: number;
  reason: string;
}

/**
 * Runs `steps` with replicas of the given roles against a server document checked as the server checks.
 * A refused update goes to `onRefusal`; the refused replica then starts again from the server's copy, as
 * the browser does. In the end everything in flight is delivered, and the final texts are returned.
 */
function simulate(roles: Role[], steps: Step[], onRefusal: (refusal: Refusal) => void) {
  const server = new Y.Doc();
  prosemirrorToYXmlFragment(buildDocument(AGENDA), server.getXmlFragment(TEXT_FRAGMENT));
  const index = new TextIndex(server.getXmlFragment(TEXT_FRAGMENT));
  const outbox: Uint8Array[][] = roles.map(() => []);
  const inbox: Uint8Array[][] = roles.map(() => []);
  const start = (i: number) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), 'server');
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') outbox[i]!.push(update);
    });
    return editorReplica(doc, roles[i]!);
  };
  const replicas = roles.map((_, i) => start(i));
  const send = (i: number) => {
    const update = outbox[i]!.shift();
    if (!update) return;
    const resolution = resolveUpdate(server, Y.decodeUpdate(update));
    if (resolution.kind !== 'resolved') throw new Error(`replica ${i}: ${resolution.kind}`);
    const check = checkTextUpdate(server, resolution, roles[i]!, index);
    if (!check.ok) {
      onRefusal({ replica: i, reason: check.reason });
      replicas[i]!.destroy();
      outbox[i] = [];
      inbox[i] = [];
      replicas[i] = start(i);
      return;
    }
    Y.applyUpdate(server, update, `replica ${i}`);
    inbox.forEach((queue, j) => j !== i && queue.push(update));
  };
  const receive = (i: number) => {
    const update = inbox[i]!.shift();
    if (update) Y.applyUpdate(replicas[i]!.doc, update, 'server');
  };
  try {
    for (const s of steps) {
      if (s.kind === 'edit') apply(replicas[s.replica]!, s.op);
      else if (s.kind === 'send') send(s.replica);
      else receive(s.replica);
    }
    // Everything in flight arrives; repairs made on the way are sent too.
    for (let round = 0; outbox.some((q) => q.length) || inbox.some((q) => q.length); round++) {
      if (round > 1000) throw new Error('no quiescence');
      replicas.forEach((_, i) => send(i));
      replicas.forEach((_, i) => {
        while (inbox[i]!.length) receive(i);
      });
    }
    return {
      server: server.getXmlFragment(TEXT_FRAGMENT),
      replicas: replicas.map((r) => r.doc.getXmlFragment(TEXT_FRAGMENT).toJSON()),
    };
  } finally {
    replicas.forEach((r) => r.destroy());
  }
}

/** Everyone holds the server's text, which fits the schema, with every id once. */
function expectConverged(result: ReturnType<typeof simulate>) {
  const expected = result.server.toJSON();
  for (const text of result.replicas) expect(text).toBe(expected);
  expect(fitsSchema(result.server)).toEqual([]);
  const ids = allIds(result.server);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
}

describe('honest concurrent editing through the server check', () => {
  it('never refuses the chair or the negotiators, and converges to text that fits the schema with unique ids', () => {
    const roles = [{ structure: true }, { structure: false }, { structure: false }];
    fc.assert(
      fc.property(fc.array(stepFor(roles.length), { minLength: 5, maxLength: 80 }), (steps) => {
        expectConverged(
          simulate(roles, steps, ({ replica, reason }) => {
            throw new Error(
              `replica ${replica} (${roles[replica]!.structure ? 'chair' : 'negotiator'}) refused: ${reason}`,
            );
          }),
        );
      }),
      { numRuns: 150, seed: 11_2026 },
    );
  });

  it('with two chairs restructuring at once, refuses only the second copy of the same node, and recovers', () => {
    // Two chairs who both re-create the same measure or section (the same move, the same undo) would give
    // it twice: y-prosemirror writes a node that changed parents as a new element. The second is refused
    // as a duplicate id; that chair starts again from the server's copy, which already has the change.
    const roles = [{ structure: true }, { structure: true }, { structure: false }];
    fc.assert(
      fc.property(fc.array(stepFor(roles.length), { minLength: 5, maxLength: 80 }), (steps) => {
        const refusals: Refusal[] = [];
        expectConverged(simulate(roles, steps, (r) => refusals.push(r)));
        for (const r of refusals) {
          expect(roles[r.replica]!.structure).toBe(true);
          expect(r.reason).toMatch(/^Dubbel id/);
        }
      }),
      { numRuns: 150, seed: 12_2026 },
    );
  });
});
