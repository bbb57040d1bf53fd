/** Words of the party notes and of the "last changed by" marks. */
export const notesNl = {
  notesTab: 'Partijnotities',
  notesIntro: 'Alleen zichtbaar voor {party}. Wat u hier typt, ziet uw delegatie direct.',
  notesPlaceholder: 'Notities van uw partij…',
  notesReadOnly: 'U kunt de notities van uw partij lezen maar niet wijzigen.',
  notesNoParty: 'Partijnotities zijn er voor de delegaties van de partijen.',
  lastChangedBy: 'Laatst gewijzigd door {person} ({party}) op {date}',
  lastChangedByOnBehalf: 'Laatst gewijzigd op {date}: amendement van {onBehalfOf}, aanvaard door {person}',
};

export const notesEn: Record<keyof typeof notesNl, string> = {
  notesTab: 'Party notes',
  notesIntro: 'Visible to {party} only. Your delegation sees what you type at once.',
  notesPlaceholder: "Your party's notes…",
  notesReadOnly: "You can read your party's notes but not change them.",
  notesNoParty: "Party notes are for the parties' delegations.",
  lastChangedBy: 'Last changed by {person} ({party}) on {date}',
  lastChangedByOnBehalf: 'Last changed on {date}: amendment by {onBehalfOf}, accepted by {person}',
};
