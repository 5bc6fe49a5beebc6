import type { OrganizationMention, PersonMention, PlaceMention } from '../types.js';
import type { SentenceContext } from './context.js';
export function extractPersons(_c: readonly SentenceContext[], _o: { authors: string[]; places: PlaceMention[]; organizations: OrganizationMention[] }): PersonMention[] { return []; }
