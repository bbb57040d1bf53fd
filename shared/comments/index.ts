export * from './types.js';
export * from './anchor.js';
export * from './yAnchor.js';
export * from './threads.js';
