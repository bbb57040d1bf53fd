/** Words for assistive technology: announcements of what others changed, the skip link. */
export const a11yNl = {
  skipToText: 'Naar de tekst',
  announceStatus: 'Maatregel {number}: status {status}',
  announceAmendment: 'Amendement {amendment} van {party}: {status}',
  announceDraftingOpen: 'De redactie is geopend: onderhandelaars mogen de tekst wijzigen',
  announceDraftingClosed: 'De redactie is gesloten',
  commentOnMeasureHint:
    'Kies woorden in de tekst, of zet de cursor in een maatregel om er een opmerking op te plaatsen.',
};

export const a11yEn: Record<keyof typeof a11yNl, string> = {
  skipToText: 'Skip to the text',
  announceStatus: 'Measure {number}: status {status}',
  announceAmendment: 'Amendment {amendment} by {party}: {status}',
  announceDraftingOpen: 'Drafting is open: negotiators may edit the text',
  announceDraftingClosed: 'Drafting is closed',
  commentOnMeasureHint: 'Choose words in the text, or put the cursor in a measure, to comment on it.',
};
