/** Places: a gazetteer entry with name variants (Olenivka, Olenovka, Оленівка), kind and parent. */
import { z } from 'zod';
import type { PlaceId } from './ids.js';
import { idSchema } from './ids.js';

export const PLACE_KINDS = [
  'country',
  'region',
  'district',
  'town',
  'facility',
  'hospital',
  'detention_site',
  'other',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PlaceInput = z.strictObject({
  name: z.string().trim().min(1).max(300),
  kind: z.enum(PLACE_KINDS),
  parentId: idSchema('PlaceId').nullish(),
  variants: z.array(z.string().trim().min(1).max(300)).max(100).default([]),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
});
export type PlaceInput = z.infer<typeof PlaceInput>;

export interface Place {
  readonly id: PlaceId;
  readonly name: string;
  readonly kind: PlaceKind;
  readonly parentId: PlaceId | null;
  readonly variants: readonly string[];
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly version: number;
}

/** A folded form of a place name for lookups: case, diacritics, apostrophes and dashes ignored. */
export function foldPlaceName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`"«»]/g, '')
    .replace(/[\s\-‐–—_.]+/g, ' ')
    .trim();
}
