/**
 * Comparison levels as data. A comparison is an ordered list of levels; the first level whose test
 * passes describes the pair. Before them all sits the implicit "missing" level (a value absent on
 * either side), which carries no evidence; the last level is normally `else`.
 */
import type { FieldType } from '../record/index.js';
import type { ListFeature, NumberFeature, StringFeature } from '../record/index.js';

/** A feature of any kind, as named in level specs. */
export type AnyFeature = StringFeature | ListFeature | NumberFeature;

/** One test, by name, with its parameters. */
export type LevelTest =
  | { readonly test: 'exact'; readonly feature: StringFeature }
  | { readonly test: 'jaroWinkler'; readonly feature: StringFeature; readonly threshold: number }
  | { readonly test: 'editDistance'; readonly feature: StringFeature; readonly max: number }
  | { readonly test: 'initial'; readonly feature: StringFeature }
  | { readonly test: 'swapped'; readonly feature: StringFeature; readonly other: StringFeature }
  | { readonly test: 'shareAny'; readonly feature: ListFeature }
  | { readonly test: 'tokenSimilarity'; readonly feature: ListFeature; readonly threshold: number }
  | { readonly test: 'inList'; readonly feature: StringFeature; readonly list: ListFeature }
  | { readonly test: 'prefix'; readonly feature: StringFeature; readonly length: number }
  | { readonly test: 'suffix'; readonly feature: StringFeature; readonly length: number }
  | { readonly test: 'dateExact' }
  | { readonly test: 'dateTransposed' }
  | { readonly test: 'dateSameMonth' }
  | { readonly test: 'dateSameYear' }
  | { readonly test: 'yearWithin'; readonly years: number }
  | { readonly test: 'emailLocal' }
  | { readonly test: 'else' };

/** A level: a label for explanations, a test, and whether exact agreement is weighed by frequency. */
export type LevelSpec = LevelTest & { readonly label: string; readonly tf?: boolean };

/** A comparison of one field type: what makes it missing, and its ordered levels. */
export interface ComparisonSpec {
  readonly name: string;
  /** The field types whose presence this comparison reflects (for explanations and model `fields`). */
  readonly fields: readonly FieldType[];
  /** The pair is "missing" when this feature is absent on either side. */
  readonly missing: AnyFeature;
  readonly levels: readonly LevelSpec[];
}
