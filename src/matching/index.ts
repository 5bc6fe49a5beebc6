/**
 * The matching engine's public surface. Pure: plain records in, scores, clusters, links and
 * explanations out. See docs/matching.md for the method and each folder's README for its files.
 */
export * from './names/index.js';
export * from './strings/index.js';
export * from './record/index.js';
export * from './comparisons/index.js';
export * from './model/index.js';
export * from './blocking/index.js';
export * from './explain/index.js';
export * from './cluster/index.js';
export * from './engine/index.js';
