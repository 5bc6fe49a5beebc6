import type { OrganizationMention, PlaceMention } from '../types.js';
import type { SentenceContext } from './context.js';
export function extractPlacesAndOrganizations(_c: readonly SentenceContext[]): { places: PlaceMention[]; organizations: OrganizationMention[] } { return { places: [], organizations: [] }; }
