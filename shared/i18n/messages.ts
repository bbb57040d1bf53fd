import { commentsEn, commentsNl } from './comments.js';
import { diffEn, diffNl } from './diff.js';

import { notesEn, notesNl } from './notes.js';
import { peopleEn, peopleNl } from './people.js';
import { amendmentsEn, amendmentsNl } from './amendments.js';
import { suggestEn, suggestNl } from './suggest.js';

import { exportEn, exportNl } from './export.js';
import { negotiationsEn, negotiationsNl } from './negotiations.js';
import { layoutEn, layoutNl } from './layout.js';
import { searchEn, searchNl } from './search.js';
import { notificationsEn, notificationsNl } from './notifications.js';
import { a11yEn, a11yNl } from './a11y.js';
import { focusEn, focusNl } from './focus.js';

/**
 * The words of the interface. Dutch is the source: its keys are the keys of every other language, so a
 * missing translation is a type error, not a blank on screen. Each feature keeps its words in its own file
 * (shared/i18n/<feature>.ts, exporting `xxxNl` and `xxxEn`) and is spread in below, one line each.
 */
const coreNl = {
  appName: 'Akkoord',
  documents: 'Documenten',
  documentsIntro: 'Kies de agenda waaraan u wilt werken.',
  noDocuments:
    'Er zijn nog geen documenten. Importeer een agenda met npx akkoord import <bestand> --id <id>.',
  measuresCount: '{n} maatregelen',
  chaptersCount: '{n} hoofdstukken',
  outline: 'Inhoud',
  introduction: 'Inleiding',
  footnotes: 'Voetnoten',
  loading: 'Agenda laden…',
  connected: 'Verbonden',
  connecting: 'Verbinden…',
  disconnected: 'Verbinding verbroken — wijzigingen worden bewaard en verstuurd zodra de verbinding terug is',
  present: 'Aanwezig',
  you: 'u',
  language: 'Taal',
  switchLanguage: 'English',
  notFound: 'Dit document bestaat niet.',
  backToDocuments: 'Terug naar documenten',
  measure: 'Maatregel',
  closedMalformed: 'De server weigerde een bericht van deze browser. Herlaad de pagina.',
  closedTooLarge: 'Een wijziging was te groot om te versturen. Maak haar kleiner en probeer het opnieuw.',
  closedTooMany: 'Te veel wijzigingen in korte tijd; de verbinding wordt hersteld.',
  closedNotFound: 'Dit document bestaat niet (meer).',
  loadError: 'De documenten konden niet worden geladen: {error}',
  lastSaved: 'Laatst opgeslagen {time}',
  signIn: 'Aanmelden',
  signingIn: 'Bezig met aanmelden…',
  signInNoToken: 'Deze link bevat geen aanmeldcode. Gebruik de volledige persoonlijke link die u kreeg.',
  signInNeeded: 'Aanmelden nodig',
  signInHow:
    'Open de persoonlijke aanmeldlink die u van het secretariaat kreeg. Nog geen link? Vraag de voorzitter om een uitnodiging.',
  signOut: 'Afmelden',
  readOnly: 'Alleen lezen',
  readOnlyReason: 'U kunt de tekst lezen maar niet wijzigen ({role}).',
  draftingOpen: 'Open redactie: onderhandelaars mogen de tekst wijzigen',
  role_chair: 'voorzitter',
  role_negotiator: 'onderhandelaar',
  role_reviewer: 'meelezer',
  role_observer: 'waarnemer',
  closedUnauthorized:
    'Uw aanmelding is ongeldig, verlopen of ingetrokken. Vraag het secretariaat om een nieuwe link.',
  closedForbidden: 'U heeft geen toegang (meer) tot deze ruimte.',
  closedRefused:
    'Uw laatste wijziging was hier niet toegestaan en is niet opgeslagen; de tekst is opnieuw geladen.',
  closedClientId:
    'Uw laatste wijziging is niet opgeslagen omdat de verbinding als iemand anders schreef; de tekst is opnieuw geladen.',
  closedRoomFull:
    'Deze ruimte is vol: nieuwe tekst wordt niet meer opgeslagen. Meld het aan het secretariaat.',
  closedWriteQuota: 'U schreef in korte tijd te veel tekst; de verbinding wordt zo hersteld.',
  closedTooManyConnections: 'U heeft te veel vensters tegelijk open; sluit er een paar en herlaad de pagina.',
  closedResync: 'De verbinding liep uit de pas; de tekst wordt opnieuw gesynchroniseerd.',
  dismiss: 'Sluiten',
  closedReplaced:
    'De agenda van deze onderhandeling is vervangen. Herlaad de pagina om de nieuwe tekst te zien.',
  outlineFilter: 'Inhoud filteren',
  outlineFilterAll: 'Alle maatregelen',
  outlineFilterPending: 'Met openstaande amendementen',
  outlineFilterThreads: 'Met open opmerkingen',
  outlineFilterStatus: 'Status: {status}',
  outlineFilterParty: 'Amendementen van {party}',
  outlineFilterNone: 'Geen maatregelen voor dit filter.',
  outlineStatusAgreed: 'akkoord',
  outlineStatusDisputed: 'geschil',
  outlineStatusParked: 'aangehouden',
  outlineStatusOpen: 'open',
  outlinePendingAmendments: 'Amendementen in behandeling: {n} (van {parties})',
  outlineOpenThreads: 'Open opmerkingen: {n}',
  outlinePeopleHere: 'Hier aan het werk: {names}',
};

export const nl = {
  ...coreNl,
  // feature words (Dutch): one spread per line
  ...commentsNl,
  ...exportNl,
  ...amendmentsNl,
  ...suggestNl,
  ...notesNl,
  ...peopleNl,
  ...diffNl,
  ...negotiationsNl,
  ...layoutNl,
  ...searchNl,
  ...notificationsNl,
  ...a11yNl,
  ...focusNl,
};

export type MessageKey = keyof typeof nl;
export type Messages = Record<MessageKey, string>;

const coreEn: Record<keyof typeof coreNl, string> = {
  appName: 'Akkoord',
  documents: 'Documents',
  documentsIntro: 'Choose the agenda you want to work on.',
  noDocuments: 'There are no documents yet. Import an agenda with npx akkoord import <file> --id <id>.',
  measuresCount: '{n} measures',
  chaptersCount: '{n} chapters',
  outline: 'Contents',
  introduction: 'Introduction',
  footnotes: 'Footnotes',
  loading: 'Loading agenda…',
  connected: 'Connected',
  connecting: 'Connecting…',
  disconnected: 'Disconnected — changes are kept and sent once the connection is back',
  present: 'Present',
  you: 'you',
  language: 'Language',
  switchLanguage: 'Nederlands',
  notFound: 'This document does not exist.',
  backToDocuments: 'Back to documents',
  measure: 'Measure',
  closedMalformed: 'The server refused a message from this browser. Reload the page.',
  closedTooLarge: 'A change was too large to send. Make it smaller and try again.',
  closedTooMany: 'Too many changes in a short time; reconnecting.',
  closedNotFound: 'This document does not exist (any more).',
  loadError: 'The documents could not be loaded: {error}',
  lastSaved: 'Last saved {time}',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signInNoToken: 'This link carries no sign-in code. Use the complete personal link you were given.',
  signInNeeded: 'Sign-in needed',
  signInHow:
    'Open the personal sign-in link the secretariat gave you. No link yet? Ask the chair for an invitation.',
  signOut: 'Sign out',
  readOnly: 'Read only',
  readOnlyReason: 'You can read the text but not change it ({role}).',
  draftingOpen: 'Open drafting: negotiators may edit the text',
  role_chair: 'chair',
  role_negotiator: 'negotiator',
  role_reviewer: 'reviewer',
  role_observer: 'observer',
  closedUnauthorized: 'Your sign-in is invalid, expired or revoked. Ask the secretariat for a new link.',
  closedForbidden: 'You have no access (any more) to this room.',
  closedRefused:
    'Your last change did not fit the structure of the agenda and was not saved; the text was reloaded.',
  closedClientId:
    'Your last change was not saved because the connection wrote as someone else; the text was reloaded.',
  closedRoomFull: 'This room is full: new text is no longer saved. Tell the secretariat.',
  closedWriteQuota: 'You wrote too much text in a short time; reconnecting shortly.',
  closedTooManyConnections: 'You have too many windows open at once; close some and reload the page.',
  closedResync: 'The connection got out of step; the text is being synchronised again.',
  dismiss: 'Dismiss',
  closedReplaced: "This negotiation's agenda has been replaced. Reload the page to see the new text.",
  outlineFilter: 'Filter contents',
  outlineFilterAll: 'All measures',
  outlineFilterPending: 'With pending amendments',
  outlineFilterThreads: 'With open comments',
  outlineFilterStatus: 'Status: {status}',
  outlineFilterParty: 'Amendments by {party}',
  outlineFilterNone: 'No measures for this filter.',
  outlineStatusAgreed: 'agreed',
  outlineStatusDisputed: 'disputed',
  outlineStatusParked: 'parked',
  outlineStatusOpen: 'open',
  outlinePendingAmendments: 'Pending amendments: {n} (by {parties})',
  outlineOpenThreads: 'Open comments: {n}',
  outlinePeopleHere: 'Working here: {names}',
};

export const en: Messages = {
  ...coreEn,
  // feature words (English): one spread per line
  ...commentsEn,
  ...exportEn,
  ...amendmentsEn,
  ...suggestEn,
  ...notesEn,
  ...peopleEn,
  ...diffEn,
  ...negotiationsEn,
  ...layoutEn,
  ...searchEn,
  ...notificationsEn,
  ...a11yEn,
  ...focusEn,
};

export type Language = 'nl' | 'en';
export const messages: Record<Language, Messages> = { nl, en };

/**
 * Numbers and dates follow Dutch conventions in every language of the interface (1.234,5; 26-11-2026),
 * since the negotiation and its documents are Dutch.
 */
export const LOCALE = 'nl-NL';

/** Fills `{name}` placeholders; numbers are formatted in Dutch convention. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) return `{${key}}`;
    return typeof value === 'number' ? value.toLocaleString(LOCALE) : value;
  });
}
