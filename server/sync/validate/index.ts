export {
  resolveUpdate,
  type DecodedUpdate,
  type NewItem,
  type ParentRef,
  type Resolution,
} from './resolve.js';
export { checkTextUpdate, collectIdentities, type IdBook, type TextWriter } from './text.js';
export { checkPartyUpdate, PARTY_NOTES } from './party.js';
export { wouldBeDropped } from './repair.js';
export { IDENTITY_NODES, isValidId, elementRule } from './schemaRules.js';
export type { Check } from './check.js';
