/**
 * The agenda JSON: the public, editor-independent form of an agenda. The parser produces it from
 * PDF-extracted text, the builder turns it into a ProseMirror document, the JSON export prints it.
 */

/** A numbered measure (maatregel): one unit that parties amend, take positions on and comment on. */
export interface Measure {
  /** Stable id: never changes when the text changes. */
  id: string;
  /**
   * Number for people, such as "1.2.3": given when the measure is made, kept for the life of the
   * negotiation (see `shared/agenda/numbers.ts`).
   */
  number: string;
  text: string;
}

export interface Section {
  id: string;
  /** Number for people, such as "1.2". */
  number: string;
  title: string;
  /** True when the title was a run-in lead ("De belastingen hervormen. Door …") inside a paragraph. */
  runIn: boolean;
  intro: string[];
  measures: Measure[];
}

export interface Chapter {
  id: string;
  /**
   * Number for people, such as "2" (or "2a" for one inserted later). Agendas stored before numbers were
   * text hold a JSON number here; readers of stored agendas pass them through `withTextNumbers`.
   */
  number: string;
  title: string;
  intro: string[];
  sections: Section[];
}

export interface Footnote {
  marker: string;
  text: string;
}

export interface Agenda {
  title: string;
  intro: { paragraphs: string[]; signature: string | null };
  chapters: Chapter[];
  footnotes: Footnote[];
}
