import type { Quote } from '../types.js';
import type { SentenceContext } from './context.js';
export function extractQuotes(_c: readonly SentenceContext[], _t: string): Quote[] { return []; }
