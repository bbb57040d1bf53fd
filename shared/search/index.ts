export { fold, queryTerms } from './fold.js';
export { prepare, search, snippetOf, matchesIn, type PreparedEntry } from './search.js';
export * from './types.js';
export { entriesOfAgenda, entriesOfMeta, entriesOfPartyRoom } from './rooms.js';
