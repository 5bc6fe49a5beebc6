import type { FramingTerm } from '../types.js';
import type { SentenceContext } from './context.js';
export function extractFraming(_c: readonly SentenceContext[]): FramingTerm[] { return []; }
