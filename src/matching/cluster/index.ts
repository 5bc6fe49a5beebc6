/** Clustering (deduplication) and assignment (linkage) of scored pairs. */
export { clusterRecords, exactPairs, type ClusterInput } from './cluster-records.js';
export { oneToOne } from './one-to-one.js';
export { UnionFind } from './union-find.js';
