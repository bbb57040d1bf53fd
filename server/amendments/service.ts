/**
 * The amendments feature on the server: every move asks the one place that decides it — the pure lifecycle
 * for moves on an amendment, the position rule for positions, the role table for the rest — then writes the
 * tables and the live rooms in the same request: drafts to the party room, the rest to the meta room,
 * accepted changes to the agenda text. Refusals are thrown as domain errors; the HTTP router only checks
 * that the person belongs to the document.
 */
import { randomUUID } from 'node:crypto';
import { transition, type AmendmentAction } from '../../shared/amendments/lifecycle.js';
import { mayRecordPosition, takesPositions } from '../../shared/amendments/positions.js';
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
} from '../../shared/amendments/types.js';
import { SECRETARIAT_IS_PARTY } from '../../shared/amendments/types.js';
import { Conflict, Invalid, NotFound, permit } from '../domain/errors.js';
import type { AppContext } from '../context.js';
import type { PersonRecord } from '../people/repository.js';
import { withLiveDoc } from '../documents/live.js';
import { seqOfNumber, type AmendmentsRepository, type DecisionRecord } from './repository.js';
import { Decisions } from './decide.js';
import { orRefuse, refuseIf } from './refusals.js';
import { chaptersOf, measureText } from './liveText.js';
import { createDraft, readDrafts, removeDraft, writeDraft } from './drafts.js';
import { mirrorAmendments, mirrorMeasurePositions, mirrorSetting, mirrorStatus } from './mirror.js';

function actorOf(person: PersonRecord): Actor {
  return { personId: person.id, party: person.party, role: person.role };
}

const noMeasure = (id: string) => new NotFound('measure', `Er is geen maatregel "${id}".`);

/** The dashboard with, when a chapter is asked for, its positions matrix. */
export interface DashboardAnswer extends Dashboard {
  matrix?: PositionsMatrix;
}

/** Amendments, positions and statuses of every document on this server. */
export class AmendmentsService {
  readonly repo: AmendmentsRepository;
  /** The chair's decisions: accept, reject, per change, reopen. */
  readonly decisions: Decisions;
  private readonly originals = new Map<string, { key: string; texts: Map<string, string> }>();

  constructor(private readonly ctx: AppContext) {
    this.repo = ctx.amendments;
    this.decisions = new Decisions(ctx, this);
  }

  /** The time of a move, as stored. */
  now(): string {
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

  /** A measure's live text, or null when there is no such measure (any more). */
  liveText(documentId: string, measureId: string): string | null {
    return withLiveDoc(this.ctx.store, this.ctx.rooms, documentId, (doc) => measureText(doc, measureId));
  }

  /** An amendment the person may see (other parties' drafts do not exist for them), or `NotFound`. */
  visible(person: PersonRecord, documentId: string, id: string): Amendment {
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

  /**
   * Creates a draft of the person's party in its party room (if their role may propose amendments): a
   * change to a measure, or — with `parent` — to another pending amendment ("A-7.1", its text the parent's
   * text as it proposes it).
   */
  create(
    person: PersonRecord,
    documentId: string,
    input:
      | { measure: string; kind: AmendmentKind; text?: string; rationale: string }
      | { parent: string; text?: string; rationale: string },
  ): Amendment {
    permit(person.role, 'amendment.propose');
    const parent = 'parent' in input ? this.parentFor(person, documentId, input.parent) : null;
    const measureId = parent ? parent.measureId : (input as { measure: string }).measure;
    const kind: AmendmentKind = 'kind' in input ? input.kind : 'replace';
    const current = parent ? parent.text : this.liveText(documentId, measureId);
    if (current === null) throw noMeasure(measureId);
    const text = kind === 'delete' ? null : (input.text ?? (kind === 'replace' ? current : ''));
    return this.repo.transaction(() => {
      const number = parent
        ? `${parent.number}.${this.repo.nextSubSeq(documentId, parent.id)}`
        : `A-${this.repo.nextSeq(documentId)}`;
      const amendment: Amendment = {
        id: randomUUID(),
        number,
        documentId,
        measureId,
        kind,
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
        parent: parent?.id ?? null,
        decision: null,
      };
      // Stored without its texts: while it is a draft, the party room holds them.
      this.repo.insert({ ...amendment, text: null, rationale: '' }, seqOfNumber(number));
      createDraft(this.ctx.rooms, amendment, person.id);
      return amendment;
    });
  }

  /** The amendment an amendment to an amendment changes: pending, with a text, not itself one. */
  private parentFor(person: PersonRecord, documentId: string, id: string): Amendment {
    const parent = this.visible(person, documentId, id);
    if (parent.parent !== null)
      throw new Invalid(
        `${parent.number} is zelf een amendement op een amendement; stel een wijziging van het oorspronkelijke amendement voor.`,
      );
    if (parent.kind === 'delete')
      throw new Invalid(
        `Amendement ${parent.number} schrapt een maatregel; daarin valt geen tekst te wijzigen.`,
      );
    if (parent.status !== 'submitted')
      throw new Conflict(
        `amendment ${parent.status}`,
        `Alleen een ingediend amendement kan worden gewijzigd door een ander amendement; ${parent.number} is dat niet.`,
      );
    return parent;
  }

  /**
   * The text an amendment's changes are relative to now: its measure's live text, or for an amendment to
   * an amendment its parent's text (the parent still pending, else a conflict).
   */
  private baseOf(a: Amendment): string | null {
    if (a.parent === null) return this.liveText(a.documentId, a.measureId);
    const parent = this.repo.get(a.documentId, a.parent);
    if (!parent || parent.status !== 'submitted')
      throw new Conflict(
        'parent decided',
        `Over het amendement dat ${a.number} wijzigt is al beslist; ${a.number} kan niet meer.`,
      );
    return parent.text;
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
    const current = this.baseOf(a);
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
    const current = this.baseOf(a);
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

  /** The decision history of an amendment the person may see: every accept, reject and reopen with its note. */
  history(person: PersonRecord, documentId: string, id: string): DecisionRecord[] {
    this.visible(person, documentId, id);
    return this.repo.decisions(documentId, id);
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
    refuseIf(mayRecordPosition(actorOf(person), party, this.repo.secretariatIsParty(documentId)));
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
    refuseIf(mayRecordPosition(actorOf(person), party, this.repo.secretariatIsParty(documentId)));
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

  /** Statuses and positions on measures, and whether the secretariat is a party to the agreement. */
  negotiation(documentId: string): {
    statuses: Record<string, MeasureStatusRecord>;
    positions: Record<string, MeasurePositions>;
    secretariatIsParty: boolean;
  } {
    return {
      statuses: this.repo.statuses(documentId),
      positions: this.repo.allMeasurePositions(documentId),
      secretariatIsParty: this.repo.secretariatIsParty(documentId),
    };
  }

  /**
   * Sets whether the secretariat is a party to the agreement (whoever manages the document's people): only
   * then does it record positions and have a column in the positions matrix.
   */
  setSecretariatIsParty(person: PersonRecord, documentId: string, value: boolean): boolean {
    permit(person.role, 'people.manage');
    this.repo.setSecretariatIsParty(documentId, value);
    mirrorSetting(this.ctx.rooms, documentId, person.id, SECRETARIAT_IS_PARTY, value);
    return value;
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
      const withSecretariat = this.repo.secretariatIsParty(documentId);
      const parties = this.ctx.people
        .parties(documentId)
        .map((p) => p.short)
        .filter((p) => takesPositions(p, withSecretariat));
      answer.matrix = positionsMatrix(chapter, amendments, parties);
    }
    return answer;
  }
}
