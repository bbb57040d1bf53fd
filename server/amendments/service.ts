/**
 * The amendments feature on the server: every move asks the one place that decides it — the pure lifecycle
 * for moves on an amendment, the position rule for positions, the role table for the rest — then writes the
 * tables and the live rooms in the same request: drafts to the party room, the rest to the meta room,
 * accepted changes to the agenda text. Refusals are thrown as domain errors; the HTTP router only checks
 * that the person belongs to the document.
 */
import { randomUUID } from 'node:crypto';
import { isRefusal, transition, type AmendmentAction } from '../../shared/amendments/lifecycle.js';
import { mayRecordPosition } from '../../shared/amendments/positions.js';
import { viewAmendments } from '../../shared/amendments/view.js';
import {
  dashboard,
  positionsMatrix,
  type Dashboard,
  type PositionsMatrix,
} from '../../shared/amendments/dashboard.js';
import type {
  Actor,
  Amendment,
  AmendmentKind,
  AmendmentStatus,
  AmendmentView,
  MeasurePositions,
  MeasureStatus,
  MeasureStatusRecord,
  Position,
  Refusal,
} from '../../shared/amendments/types.js';
import { Conflict, errorOfRefusal, NotFound, permit } from '../domain/errors.js';
import type { AppContext } from '../context.js';
import type { PersonRecord } from '../people/repository.js';
import { withLiveDoc } from '../documents/live.js';
import { writeRoom } from '../sync/serverWrite.js';
import { AmendmentsRepository } from './repository.js';
import { applyToText, chaptersOf, measureText } from './liveText.js';
import { createDraft, readDrafts, removeDraft, writeDraft } from './drafts.js';
import { mirrorAmendments, mirrorMeasurePositions, mirrorStatus } from './mirror.js';
import { SECRETARIAT } from '../../shared/auth/person.js';

function actorOf(person: PersonRecord): Actor {
  return { personId: person.id, party: person.party, role: person.role };
}

/** The amendment of a transition, or the refusal thrown as a domain error. */
function orRefuse(value: Amendment | Refusal): Amendment {
  if (isRefusal(value)) throw errorOfRefusal(value);
  return value;
}

/** Throws a refusal (of the position rule) as a domain error. */
function refuseIf(refusal: Refusal | null): void {
  if (refusal) throw errorOfRefusal(refusal);
}

const noMeasure = (id: string) => new NotFound('measure', `Er is geen maatregel "${id}".`);

/** The dashboard with, when a chapter is asked for, its positions matrix. */
export interface DashboardAnswer extends Dashboard {
  matrix?: PositionsMatrix;
}

/** Amendments, positions and statuses of every document on this server. */
export class AmendmentsService {
  readonly repo: AmendmentsRepository;
  private readonly originals = new Map<string, { key: string; texts: Map<string, string> }>();

  constructor(private readonly ctx: AppContext) {
    this.repo = new AmendmentsRepository(ctx.store.db);
  }

  private now(): string {
    return new Date().toISOString();
  }

  /** The original (imported) text of every measure, read once per document (the baseline never changes). */
  private originalTexts(documentId: string): Map<string, string> {
    const record = this.ctx.store.getDocument(documentId);
    const key = record?.createdAt ?? '';
    const cached = this.originals.get(documentId);
    if (cached && cached.key === key) return cached.texts;
    const texts = new Map<string, string>();
    for (const c of this.ctx.store.getBaseline(documentId)?.chapters ?? [])
      for (const s of c.sections) for (const m of s.measures) texts.set(m.id, m.text);
    this.originals.set(documentId, { key, texts });
    return texts;
  }

  private liveText(documentId: string, measureId: string): string | null {
    return withLiveDoc(this.ctx.store, this.ctx.rooms, documentId, (doc) => measureText(doc, measureId));
  }

  /** An amendment the person may see (other parties' drafts do not exist for them), or `NotFound`. */
  private visible(person: PersonRecord, documentId: string, id: string): Amendment {
    const a = this.repo.get(documentId, id);
    if (!a || (a.status === 'draft' && a.party !== person.party))
      throw new NotFound('amendment', `Er is geen amendement "${id}".`);
    return a;
  }

  /** Fills in drafts' texts from the party room (the live source while drafting). */
  private withDraftTexts(person: PersonRecord, documentId: string, list: Amendment[]): Amendment[] {
    if (!list.some((a) => a.status === 'draft')) return list;
    const drafts = readDrafts(this.ctx.store, this.ctx.rooms, documentId, person.party);
    return list.map((a) => {
      const d = a.status === 'draft' ? drafts.get(a.id) : undefined;
      return d
        ? { ...a, text: a.kind === 'delete' ? null : d.text, rationale: d.rationale, authors: d.authors }
        : a;
    });
  }

  /** Lists amendments; with a measure, as views with diffs, conflicts and collisions. */
  list(
    person: PersonRecord,
    documentId: string,
    filter: { measure?: string; party?: string; status?: AmendmentStatus },
  ): Amendment[] | AmendmentView[] {
    const list = this.withDraftTexts(
      person,
      documentId,
      this.repo.list(documentId, { ...filter, draftsOf: person.party }),
    );
    if (!filter.measure) return list;
    return viewAmendments(
      list,
      this.liveText(documentId, filter.measure),
      this.originalTexts(documentId).get(filter.measure) ?? null,
    );
  }

  /** One amendment as a view (collisions are with the other amendments of its measure). */
  get(person: PersonRecord, documentId: string, id: string): AmendmentView {
    const a = this.visible(person, documentId, id);
    const views = this.list(person, documentId, { measure: a.measureId }) as AmendmentView[];
    return views.find((v) => v.id === id)!;
  }

  /** Creates a draft of the person's party in its party room (if their role may propose amendments). */
  create(
    person: PersonRecord,
    documentId: string,
    input: { measure: string; kind: AmendmentKind; text?: string; rationale: string },
  ): Amendment {
    permit(person.role, 'amendment.propose');
    const current = this.liveText(documentId, input.measure);
    if (current === null) throw noMeasure(input.measure);
    const text = input.kind === 'delete' ? null : (input.text ?? (input.kind === 'replace' ? current : ''));
    return this.repo.transaction(() => {
      const seq = this.repo.nextSeq(documentId);
      const amendment: Amendment = {
        id: randomUUID(),
        number: `A-${seq}`,
        documentId,
        measureId: input.measure,
        kind: input.kind,
        text,
        rationale: input.rationale,
        party: person.party,
        authors: [person.id],
        status: 'draft',
        baseText: null,
        group: null,
        positions: {},
        createdAt: this.now(),
        submittedAt: null,
        decidedAt: null,
        decidedBy: null,
      };
      // Stored without its texts: while it is a draft, the party room holds them.
      this.repo.insert({ ...amendment, text: null, rationale: '' }, seq);
      createDraft(this.ctx.rooms, amendment, person.id);
      return amendment;
    });
  }

  /** Submits a draft: read from the party room, validated, moved to the meta room. */
  submit(person: PersonRecord, documentId: string, id: string): Amendment {
    const a = this.visible(person, documentId, id);
    const draft =
      a.status === 'draft'
        ? readDrafts(this.ctx.store, this.ctx.rooms, documentId, a.party).get(id)
        : undefined;
    if (a.status === 'draft' && !draft)
      throw new Conflict('party room', `Het concept van ${a.number} is niet meer te vinden.`);
    const current = this.liveText(documentId, a.measureId);
    if (current === null)
      throw new Conflict('measure removed', `De maatregel van ${a.number} bestaat niet meer.`);
    const next = orRefuse(
      transition(
        a,
        {
          kind: 'submit',
          now: this.now(),
          text: draft?.text ?? null,
          rationale: draft?.rationale ?? '',
          authors: [...(draft?.authors ?? []), person.id],
          baseText: current,
        },
        actorOf(person),
      ),
    );
    this.repo.save(next);
    mirrorAmendments(this.ctx.rooms, documentId, person.id, [next]);
    removeDraft(this.ctx.rooms, next, person.id);
    return next;
  }

  /** Withdraws an amendment of the person's party, before a decision. */
  withdraw(person: PersonRecord, documentId: string, id: string): Amendment {
    const a = this.visible(person, documentId, id);
    const next = orRefuse(transition(a, { kind: 'withdraw', now: this.now() }, actorOf(person)));
    this.repo.save(next);
    if (a.status === 'draft') removeDraft(this.ctx.rooms, a, person.id);
    else mirrorAmendments(this.ctx.rooms, documentId, person.id, [next]);
    return next;
  }

  /** Changes an amendment of the person's party: a draft in its room, a submitted one rebased on the current text. */
  update(
    person: PersonRecord,
    documentId: string,
    id: string,
    input: { text?: string; rationale?: string },
  ): Amendment {
    const a = this.visible(person, documentId, id);
    if (a.status === 'draft') {
      const [drafted] = this.withDraftTexts(person, documentId, [a]);
      const next = orRefuse(
        transition(
          drafted!,
          {
            kind: 'update',
            now: this.now(),
            text: input.text ?? drafted!.text,
            rationale: input.rationale ?? drafted!.rationale,
            baseText: null,
          },
          actorOf(person),
        ),
      );
      // Only the fields asked for change in the room: the party may be typing in the others.
      writeDraft(this.ctx.rooms, a, person.id, {
        ...(input.text === undefined ? {} : { text: next.text ?? '' }),
        ...(input.rationale === undefined ? {} : { rationale: next.rationale }),
      });
      return next;
    }
    const current = this.liveText(documentId, a.measureId);
    const next = orRefuse(
      transition(
        a,
        {
          kind: 'update',
          now: this.now(),
          text: input.text ?? a.text,
          rationale: input.rationale ?? a.rationale,
          baseText: current,
        },
        actorOf(person),
      ),
    );
    this.repo.save(next);
    mirrorAmendments(this.ctx.rooms, documentId, person.id, [next]);
    return next;
  }

  /** The chair accepts: the text changes in one step attributed to the chair; alternatives are rejected. */
  accept(
    person: PersonRecord,
    documentId: string,
    id: string,
  ): { amendment: Amendment; rejected: Amendment[]; measureId: string | null } {
    const a = this.visible(person, documentId, id);
    const current = this.liveText(documentId, a.measureId);
    const [view] = viewAmendments([a], current, null);
    const next = orRefuse(
      transition(a, { kind: 'accept', now: this.now(), conflict: view!.conflict }, actorOf(person)),
    );
    const measureId = writeRoom(
      this.ctx.rooms,
      documentId,
      person.id,
      (doc) => {
        switch (a.kind) {
          case 'replace':
            return applyToText(doc, {
              kind: 'replace',
              measureId: a.measureId,
              text: view!.effectiveText ?? '',
            });
          case 'insert':
            return applyToText(doc, { kind: 'insert', afterMeasureId: a.measureId, text: a.text ?? '' });
          case 'delete':
            return applyToText(doc, { kind: 'delete', measureId: a.measureId });
        }
      },
      { onBehalfOf: a.party },
    );
    const rejected = a.group
      ? this.repo
          .list(documentId, { status: 'submitted', draftsOf: null })
          .filter((o) => o.group === a.group && o.id !== a.id)
          .map((o) => orRefuse(transition(o, { kind: 'reject', now: next.decidedAt! }, actorOf(person))))
      : [];
    this.repo.transaction(() => {
      this.repo.save(next);
      for (const r of rejected) this.repo.save(r);
    });
    mirrorAmendments(this.ctx.rooms, documentId, person.id, [next, ...rejected]);
    for (const amendment of [next, ...rejected])
      this.ctx.events.emit({ kind: 'amendment.decided', amendment, actor: person });
    return { amendment: next, rejected, measureId };
  }

  /** The chair rejects. */
  reject(person: PersonRecord, documentId: string, id: string): Amendment {
    const amendment = this.move(person, documentId, id, { kind: 'reject', now: this.now() });
    this.ctx.events.emit({ kind: 'amendment.decided', amendment, actor: person });
    return amendment;
  }

  /** The chair groups alternatives (null takes one out of its group). */
  group(person: PersonRecord, documentId: string, id: string, group: string | null): Amendment {
    return this.move(person, documentId, id, { kind: 'group', group });
  }

  private move(person: PersonRecord, documentId: string, id: string, action: AmendmentAction): Amendment {
    const a = this.visible(person, documentId, id);
    const next = orRefuse(transition(a, action, actorOf(person)));
    this.repo.save(next);
    mirrorAmendments(this.ctx.rooms, documentId, person.id, [next]);
    return next;
  }

  private checkParty(documentId: string, party: string): void {
    if (!this.ctx.people.party(documentId, party))
      throw new NotFound('party', `Er is geen partij "${party}".`);
  }

  /** A party's position on a submitted amendment (its negotiators only). */
  setAmendmentPosition(
    person: PersonRecord,
    documentId: string,
    id: string,
    party: string,
    position: Position,
    note: string | null,
  ): Amendment {
    refuseIf(mayRecordPosition(actorOf(person), party));
    this.checkParty(documentId, party);
    const a = this.visible(person, documentId, id);
    if (a.status !== 'submitted')
      throw new Conflict(
        `amendment ${a.status}`,
        `Op amendement ${a.number} wordt geen standpunt meer ingenomen: het is niet (meer) in behandeling.`,
      );
    const record = { position, note, by: person.id, at: this.now() };
    this.repo.setPosition(documentId, id, party, record);
    const next = { ...a, positions: { ...a.positions, [party]: record } };
    mirrorAmendments(this.ctx.rooms, documentId, person.id, [next]);
    this.ctx.events.emit({ kind: 'amendment.position', amendment: next, party, position, actor: person });
    return next;
  }

  /** A party's position on a measure (its negotiators only). */
  setMeasurePosition(
    person: PersonRecord,
    documentId: string,
    measureId: string,
    party: string,
    position: Position,
    note: string | null,
  ): MeasurePositions {
    refuseIf(mayRecordPosition(actorOf(person), party));
    this.checkParty(documentId, party);
    if (this.liveText(documentId, measureId) === null) throw noMeasure(measureId);
    this.repo.setMeasurePosition(documentId, measureId, party, {
      position,
      note,
      by: person.id,
      at: this.now(),
    });
    const positions = this.repo.measurePositions(documentId, measureId);
    mirrorMeasurePositions(this.ctx.rooms, documentId, person.id, measureId, positions);
    return positions;
  }

  /** A measure's negotiation status (if the person's role may set it). */
  setStatus(
    person: PersonRecord,
    documentId: string,
    measureId: string,
    status: MeasureStatus,
  ): MeasureStatusRecord {
    permit(person.role, 'measure.status');
    if (this.liveText(documentId, measureId) === null) throw noMeasure(measureId);
    const record = { status, by: person.id, at: this.now() };
    this.repo.setStatus(documentId, measureId, record);
    mirrorStatus(this.ctx.rooms, documentId, person.id, measureId, record);
    return record;
  }

  /** Statuses and positions on measures, for one measure or all. */
  negotiation(documentId: string): {
    statuses: Record<string, MeasureStatusRecord>;
    positions: Record<string, MeasurePositions>;
  } {
    return { statuses: this.repo.statuses(documentId), positions: this.repo.allMeasurePositions(documentId) };
  }

  /** The dashboard; with a chapter id also its positions matrix (parties without the secretariat). */
  dashboard(documentId: string, chapterId?: string): DashboardAnswer {
    const chapters = withLiveDoc(this.ctx.store, this.ctx.rooms, documentId, chaptersOf);
    const amendments = this.repo.pending(documentId);
    const statuses = Object.fromEntries(
      Object.entries(this.repo.statuses(documentId)).map(([id, r]) => [id, r.status]),
    );
    const answer: DashboardAnswer = dashboard(chapters, amendments, statuses);
    if (chapterId) {
      const chapter = chapters.find((c) => c.id === chapterId);
      if (!chapter) throw new NotFound('chapter', `Er is geen hoofdstuk "${chapterId}".`);
      const parties = this.ctx.people
        .parties(documentId)
        .map((p) => p.short)
        .filter((p) => p !== SECRETARIAT);
      answer.matrix = positionsMatrix(chapter, amendments, parties);
    }
    return answer;
  }
}
