/**
 * Worker thread that prepares one run of records as a part. Its columns are on SharedArrayBuffers,
 * so only the part's string table is copied back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { preparePart } from '../prepare.js';
import type { MatchRecord } from '../field-types.js';

const records = workerData as MatchRecord[];
parentPort?.postMessage(preparePart(records));
