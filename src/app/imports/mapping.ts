/**
 * The column mapping of an import: suggested from headers and HXL tags, or taken from a saved
 * preset, then corrected by the caller's field → column overrides. Presets are stored by name.
 */
import { DomainError, type Actor } from '../../domain/index.js';
import { isFieldName, suggestMapping, type FieldName } from '../../interchange/index.js';
import { authorize } from '../authz.js';
import { inUnit, type AppContext, type Unit } from '../context.js';

/** A mapping as used: column → field, and its inverse. */
export interface ColumnMapping {
  readonly byColumn: Record<string, FieldName>;
  readonly byField: Map<FieldName, string>;
  readonly unmapped: string[];
}

/** Builds the mapping for a header. Throws VALIDATION_FAILED for an override naming no column. */
export function buildMapping(
  header: readonly string[],
  hxlTags: readonly string[] | undefined,
  preset: Readonly<Record<string, string>> | null,
  overrides: Readonly<Partial<Record<FieldName, string>>> = {},
): ColumnMapping {
  const byColumn: Record<string, FieldName> = {};
  const base = preset ?? suggestMapping(header, hxlTags);
  for (const [column, field] of Object.entries(base))
    if (header.includes(column) && isFieldName(field)) byColumn[column] = field;
  for (const [field, column] of Object.entries(overrides) as [FieldName, string][]) {
    for (const [c, f] of Object.entries(byColumn)) if (f === field) delete byColumn[c];
    if (column === '') continue;
    if (!header.includes(column))
      throw new DomainError('VALIDATION_FAILED', `mapping.${field}: the file has no column "${column}"`, {
        issues: [
          { path: `mapping.${field}`, message: `no column "${column}"; columns: ${header.join(', ')}` },
        ],
      });
    byColumn[column] = field;
  }
  const byField = new Map<FieldName, string>();
  for (const [c, f] of Object.entries(byColumn)) byField.set(f, c);
  return { byColumn, byField, unmapped: header.filter((h) => !Object.hasOwn(byColumn, h)) };
}

/** A saved mapping. */
export interface ImportPreset {
  readonly name: string;
  readonly mapping: Record<string, string>;
  readonly options: Record<string, unknown>;
  readonly version: number;
}

/** Loads a preset by name (inside a unit). Throws NOT_FOUND. */
export async function loadPreset(u: Unit, name: string): Promise<ImportPreset> {
  const r = await u.trx.selectFrom('import_presets').selectAll().where('name', '=', name).executeTakeFirst();
  if (!r)
    throw new DomainError('NOT_FOUND', `mapping preset "${name}" does not exist`, {
      details: { what: 'preset' },
    });
  return {
    name: r.name,
    mapping: JSON.parse(r.mapping) as Record<string, string>,
    options: JSON.parse(r.options) as Record<string, unknown>,
    version: Number(r.version),
  };
}

/** Saves (or replaces) a preset inside the caller's unit. */
export async function savePresetIn(
  ctx: AppContext,
  u: Unit,
  actor: Actor,
  name: string,
  mapping: Readonly<Record<string, string>>,
  options: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  const existing = await u.trx
    .selectFrom('import_presets')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  if (existing)
    await u.trx
      .updateTable('import_presets')
      .set((eb) => ({
        mapping: JSON.stringify(mapping),
        options: JSON.stringify(options),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', existing.id)
      .execute();
  else
    await u.trx
      .insertInto('import_presets')
      .values({
        id: ctx.ids.next(),
        name,
        mapping: JSON.stringify(mapping),
        options: JSON.stringify(options),
        created_at: u.now,
        created_by: actor.userId,
        version: 1,
      })
      .execute();
  u.audit(actor, 'import.preset_save', 'import_preset', name);
}

/** Use case: save a named mapping (column → field). */
export async function savePreset(
  ctx: AppContext,
  actor: Actor,
  name: string,
  mapping: Record<string, string>,
) {
  authorize(actor, 'import.run');
  const bad = Object.entries(mapping).filter(([, f]) => !isFieldName(f));
  if (bad.length)
    throw new DomainError('VALIDATION_FAILED', `mapping: ${bad[0]![1]} is not a field`, {
      issues: bad.map(([c, f]) => ({ path: `mapping.${c}`, message: `${f} is not a field` })),
    });
  return inUnit(ctx, (u) => savePresetIn(ctx, u, actor, name, mapping));
}

/** Use case: list the saved presets. */
export async function listPresets(ctx: AppContext, actor: Actor): Promise<ImportPreset[]> {
  authorize(actor, 'import.run');
  const rows = await ctx.database.db.selectFrom('import_presets').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    name: r.name,
    mapping: JSON.parse(r.mapping) as Record<string, string>,
    options: JSON.parse(r.options) as Record<string, unknown>,
    version: Number(r.version),
  }));
}
