/** Words of the page's layout on every screen: outline and side panel, drawers and sheets, the header menu. */
export const layoutNl = {
  layoutOutline: 'Inhoud',
  layoutOutlineOpen: 'Inhoud tonen',
  layoutPanel: 'Zijpaneel',
  layoutPanelOpen: 'Zijpaneel tonen',
  layoutClose: 'Sluiten',
  layoutPanelWidth: 'Breedte van het zijpaneel',
  layoutPanelWidthHint: 'Sleep om het zijpaneel breder of smaller te maken (of gebruik de pijltjestoetsen).',
  layoutMenu: 'Menu',
  layoutSidePanelLabel: 'Zijpaneel: {tab}',
  disconnectedShort: 'Geen verbinding',
  marginView: 'Weergave van de opmerkingen',
  marginInMargin: 'In de marge',
  marginAll: 'Alle draden',
};

export const layoutEn: Record<keyof typeof layoutNl, string> = {
  layoutOutline: 'Contents',
  layoutOutlineOpen: 'Show contents',
  layoutPanel: 'Side panel',
  layoutPanelOpen: 'Show side panel',
  layoutClose: 'Close',
  layoutPanelWidth: 'Width of the side panel',
  layoutPanelWidthHint: 'Drag to make the side panel wider or narrower (or use the arrow keys).',
  layoutMenu: 'Menu',
  layoutSidePanelLabel: 'Side panel: {tab}',
  disconnectedShort: 'Not connected',
  marginView: 'How comments are shown',
  marginInMargin: 'In the margin',
  marginAll: 'All threads',
};
