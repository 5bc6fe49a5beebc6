/** Row shapes the table writers accept, and their conversion to cell strings in header order. */

/** A cell value before writing; null and undefined are written as empty cells. */
export type OutCell = string | number | boolean | null | undefined;

/** A row: an object keyed by header names, or cells in header order. */
export type OutRow = Readonly<Record<string, OutCell>> | readonly OutCell[];

/** Rows from an array, a generator or a stream. */
export type OutRows = AsyncIterable<OutRow> | Iterable<OutRow>;

/** Cells of a row in header order, as strings. */
export function rowCells(row: OutRow, header: readonly string[]): string[] {
  const cells: string[] = new Array<string>(header.length);
  if (Array.isArray(row)) {
    for (let i = 0; i < header.length; i++) cells[i] = cellString((row as readonly OutCell[])[i]);
  } else {
    const obj = row as Readonly<Record<string, OutCell>>;
    for (let i = 0; i < header.length; i++) {
      const key = header[i] as string;
      cells[i] = cellString(Object.hasOwn(obj, key) ? obj[key] : undefined);
    }
  }
  return cells;
}

function cellString(v: OutCell): string {
  return v === null || v === undefined ? '' : String(v);
}
