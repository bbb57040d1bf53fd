/** The D66–CDA agenda as parsed, and an edited version of it, for the export tests. */
import fs from 'node:fs';
import { parseAgenda } from '../../shared/agenda/parse.js';
import type { Agenda, Measure, Section } from '../../shared/agenda/types.js';
import type { ExportInput } from '../../server/export/index.js';

const FIXTURE = new URL('../../fixtures/d66-cda-uitnodiging-2025.txt', import.meta.url);

/** The parsed D66–CDA agenda (a fresh copy each call). */
export function originalAgenda(): Agenda {
  return parseAgenda(fs.readFileSync(FIXTURE, 'utf8'));
}

function section(agenda: Agenda, number: string): Section {
  const found = agenda.chapters.flatMap((c) => c.sections).find((s) => s.number === number);
  if (!found) throw new Error(`No section ${number}`);
  return found;
}

function measure(agenda: Agenda, id: string): Measure {
  const found = agenda.chapters
    .flatMap((c) => c.sections)
    .flatMap((s) => s.measures)
    .find((m) => m.id === id);
  if (!found) throw new Error(`No measure ${id}`);
  return found;
}

/** Numbers measures by position, as the editor does. */
function renumber(agenda: Agenda): void {
  for (const chapter of agenda.chapters)
    for (const s of chapter.sections) s.measures.forEach((m, i) => (m.number = `${s.number}.${i + 1}`));
}

/** The ids and words the edits below use, for assertions. */
export const EDITS = {
  changed: 'm-1-1-2',
  changedOld: 'simpelere',
  changedNew: 'eenvoudigere',
  appended: 'Ook splitsen wordt vergunningsvrij.',
  unattributed: 'm-2-1-1',
  added: 'm-new-starters',
  addedText: 'We bouwen jaarlijks 10.000 tijdelijke woningen voor starters.',
  removed: 'm-1-2-2',
  moved: 'm-1-3-1',
  sectionTitleOld: 'vooral meer bouwen',
  sectionTitleNew: 'veel meer bouwen',
  runInSection: 's-6-4',
  runInTitleNew: 'De belastingen eerlijker maken.',
} as const;

/**
 * The original with: measure 1.1.2 changed (a word replaced, a sentence added; by CDA), measure 2.1.1
 * changed (no attribution), a measure added at the end of 1.1 (by D66), measure 1.2.2 removed, measure
 * 1.3.1 moved to the end of section 1.2, the title of section 1.2 changed, the lead of run-in section 6.4
 * changed.
 */
export function editedAgenda(): Agenda {
  const agenda = originalAgenda();
  const changed = measure(agenda, EDITS.changed);
  changed.text = `${changed.text.replace(EDITS.changedOld, EDITS.changedNew)} ${EDITS.appended}`;
  const unattributed = measure(agenda, EDITS.unattributed);
  unattributed.text = unattributed.text.replace(/^(\S+ \S+)/, '$1 zo snel mogelijk');
  section(agenda, '1.1').measures.push({ id: EDITS.added, number: '', text: EDITS.addedText });
  const s12 = section(agenda, '1.2');
  s12.measures = s12.measures.filter((m) => m.id !== EDITS.removed);
  s12.title = s12.title.replace(EDITS.sectionTitleOld, EDITS.sectionTitleNew);
  const s13 = section(agenda, '1.3');
  const moved = s13.measures.shift()!;
  s12.measures.push(moved);
  section(agenda, '6.4').title = EDITS.runInTitleNew;
  renumber(agenda);
  return agenda;
}

/** An input with the edited agenda against the original; override any field. */
export function exportInput(overrides: Partial<ExportInput> = {}): ExportInput {
  return {
    original: originalAgenda(),
    current: editedAgenda(),
    versionLabel: 'Na ronde 2',
    changes: 'marked',
    language: 'nl',
    generatedAt: new Date('2026-11-26T10:00:00Z'),
    attribution: {
      [EDITS.changed]: { author: 'CDA', date: '2026-11-20' },
      [EDITS.added]: { author: 'D66', date: '2026-11-21T09:30:00Z' },
      [EDITS.removed]: { author: 'D66', date: '2026-11-21T09:31:00Z' },
    },
    defaultAuthor: 'Akkoord',
    ...overrides,
  };
}
