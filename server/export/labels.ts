/** The words exports add to the agenda text, in Dutch and English. */
import type {
  AmendmentKind,
  AmendmentStatus,
  MeasureStatus,
  Position,
} from '../../shared/amendments/types.js';

/** The labels of one language. */
export interface ExportLabels {
  footnotes: string;
  version: string;
  generated: string;
  marked: string;
  clean: string;
  /** Before a moved unit's old number: "verplaatst van 1.2.3". */
  movedFrom: string;
  /** Beside a removed measure, which keeps its number: "vervallen". */
  removed: string;
  /** Heading of the old → new list of an export with final numbering. */
  renumberedTitle: string;
  /** The sentence under it. */
  renumberedIntro: string;
  section: string;
  legendInserted: string;
  legendDeleted: string;
  page: string;
  chapter: string;
  measure: string;
  amendmentsTitle: string;
  amendmentNumber: string;
  party: string;
  kind: string;
  status: string;
  submitted: string;
  rationale: string;
  proposedText: string;
  noAmendments: string;
  positions: Record<Position, string>;
  statuses: Record<AmendmentStatus, string>;
  kinds: Record<AmendmentKind, string>;
  measureStatuses: Record<MeasureStatus, string>;
}

/** Dutch and English labels. */
export const LABELS: Record<'nl' | 'en', ExportLabels> = {
  nl: {
    footnotes: 'Voetnoten',
    version: 'Versie',
    generated: 'Gemaakt op',
    marked: 'wijzigingen gemarkeerd',
    clean: 'zonder markeringen',
    movedFrom: 'verplaatst van',
    removed: 'vervallen',
    renumberedTitle: 'Definitieve nummering',
    renumberedIntro:
      'In deze tekst zijn de nummers doorlopend. Nummer tijdens de onderhandeling → nummer hier:',
    section: 'Paragraaf',
    legendInserted: 'toegevoegd',
    legendDeleted: 'geschrapt',
    page: 'Pagina',
    chapter: 'Hoofdstuk',
    measure: 'Maatregel',
    amendmentsTitle: 'Amendementen',
    amendmentNumber: 'Nummer',
    party: 'Partij',
    kind: 'Soort',
    status: 'Status',
    submitted: 'Ingediend',
    rationale: 'Toelichting',
    proposedText: 'Voorgestelde tekst',
    noAmendments: 'Er zijn geen amendementen.',
    positions: { support: 'steunt', oppose: 'tegen', reservation: 'voorbehoud', none: 'geen standpunt' },
    statuses: {
      draft: 'concept',
      submitted: 'ingediend',
      accepted: 'aangenomen',
      rejected: 'verworpen',
      withdrawn: 'ingetrokken',
    },
    kinds: { replace: 'wijziging', insert: 'toevoeging', delete: 'schrapping' },
    measureStatuses: { open: 'open', agreed: 'akkoord', disputed: 'omstreden', parked: 'geparkeerd' },
  },
  en: {
    footnotes: 'Footnotes',
    version: 'Version',
    generated: 'Generated on',
    marked: 'changes marked',
    clean: 'clean',
    movedFrom: 'moved from',
    removed: 'lapsed',
    renumberedTitle: 'Final numbering',
    renumberedIntro: 'This text is numbered consecutively. Number during the negotiation → number here:',
    section: 'Section',
    legendInserted: 'inserted',
    legendDeleted: 'deleted',
    page: 'Page',
    chapter: 'Chapter',
    measure: 'Measure',
    amendmentsTitle: 'Amendments',
    amendmentNumber: 'Number',
    party: 'Party',
    kind: 'Kind',
    status: 'Status',
    submitted: 'Submitted',
    rationale: 'Rationale',
    proposedText: 'Proposed text',
    noAmendments: 'There are no amendments.',
    positions: { support: 'supports', oppose: 'opposes', reservation: 'reservation', none: 'no position' },
    statuses: {
      draft: 'draft',
      submitted: 'submitted',
      accepted: 'accepted',
      rejected: 'rejected',
      withdrawn: 'withdrawn',
    },
    kinds: { replace: 'replacement', insert: 'insertion', delete: 'deletion' },
    measureStatuses: { open: 'open', agreed: 'agreed', disputed: 'disputed', parked: 'parked' },
  },
};

/** One line of the old → new list: "Maatregel 1.1.1a → 1.1.2". */
export function renumberedLine(
  labels: ExportLabels,
  entry: { kind: 'chapter' | 'section' | 'measure'; from: string; to: string },
): string {
  return `${labels[entry.kind]} ${entry.from} → ${entry.to}`;
}
