export { applyCorrection, corrected, type Correction } from './corrections.js';
export { flatten, rebuild, type OutlineItem, type OutlineKind } from './outline.js';
export { probeOf, startsOf } from './lines.js';
export { reviewWarnings } from './warnings.js';
