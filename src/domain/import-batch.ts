/** Import batches: one file imported, with its mapping, counts and row-level report. */
import type { BatchId, SourceId, UserId } from './ids.js';

export const BATCH_STATES = ['running', 'committed', 'failed', 'cancelled', 'dry_run'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export interface ImportBatch {
  readonly id: BatchId;
  readonly sourceId: SourceId;
  readonly fileName: string;
  readonly format: string;
  readonly fileSha256: string;
  readonly mapping: Readonly<Record<string, string>>;
  readonly state: BatchState;
  readonly counts: Readonly<Record<string, number>>;
  readonly createdAt: string;
  readonly createdBy: UserId;
}
