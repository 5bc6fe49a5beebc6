/**
 * Delimiter sniffing: the candidate that splits the first records into the same number of fields
 * most consistently wins. Quoted fields are skipped, so a comma inside "Kyiv, Ukraine" does not count.
 */

/** Delimiters recognised, in order of preference when the evidence ties. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** A recognised delimiter. */
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts each candidate per record (outside quotes) over at most `maxRecords` complete records. */
function countPerRecord(text: string, maxRecords: number): number[][] {
  const counts: number[][] = [];
  let current = DELIMITERS.map(() => 0);
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length && counts.length < maxRecords; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (current.some((c) => c > 0) || !atFieldStart) counts.push(current);
      current = DELIMITERS.map(() => 0);
      atFieldStart = true;
      continue;
    }
    const k = (DELIMITERS as readonly string[]).indexOf(ch);
    if (k >= 0) {
      current[k] = (current[k] as number) + 1;
      atFieldStart = true;
    } else if (ch !== ' ') atFieldStart = false;
  }
  // A one-line sample (a header without a newline) still counts.
  if (counts.length === 0 && current.some((c) => c > 0)) counts.push(current);
  return counts;
}

/**
 * Picks the delimiter of a CSV sample. A candidate scores by how many records share its most common
 * non-zero count; ties go to the higher count, then to the order of DELIMITERS. Falls back to ','
 * (a one-column file).
 */
export function sniffDelimiter(sample: string, maxRecords = 20): Delimiter {
  const records = countPerRecord(sample, maxRecords);
  let best: Delimiter = ',';
  let bestScore = 0;
  let bestCount = 0;
  DELIMITERS.forEach((d, k) => {
    const tally = new Map<number, number>();
    for (const r of records) {
      const c = r[k] as number;
      if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1);
    }
    for (const [count, n] of tally) {
      if (n > bestScore || (n === bestScore && count > bestCount)) {
        best = d;
        bestScore = n;
        bestCount = count;
      }
    }
  });
  return best;
}
