/**
 * The publication date a report's own text gives, for when nobody else gives it: a "Published" or
 * "Updated" line, a date standing alone at the top ("17.05.2022", "Brovarske Herald, 14 March
 * 2026"), or a wire dateline at the head of a paragraph ("KYIV, May 17 (Agency) -", "May 17, 2022 —",
 * "Brovarske, 17 May 2022."). Only absolute dates count: "In the last 24 hours" or "On May 17, 2022,
 * 50 soldiers surrendered." are the story, not its date. A dateline without a year takes the year
 * only from full dates in the text shortly before it; otherwise it gives no date at all.
 */
import { isIsoDate, toDays } from '../time/dates.js';

/** A date the text gives for itself. `date` is null when the dateline has no year to be had. */
export interface Dateline {
  readonly date: string | null;
  /** The dateline as written, without the story that follows it. */
  readonly text: string;
  readonly kind: 'published' | 'updated' | 'dateline';
  /** Month and day, kept for a dateline without a year. */
  readonly month: number;
  readonly day: number;
  readonly yearless: boolean;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const WEEKDAY =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?';
/** An absolute date: month and day with an optional year, day-first digits, or ISO. */
const DATE = `(?:${WEEKDAY},?\\s+)?(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?|(\\d{1,2})[./](\\d{1,2})[./](\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))`;
const TIME =
  '(?:\\s*[,|]?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*(?:am|pm|a\\.m\\.|p\\.m\\.))?(?:\\s*\\(?(?:GMT|UTC|CET|CEST|EET|EEST|MSK|[A-Z]{3,4}|(?:Kyiv|Moscow|local) time)(?:\\s*[+-]\\s*\\d{1,2})?\\)?)?)?';
/** Words that may stand before a dateline: a place or a publisher, in capitals or title case. */
const PLACE_WORD = "[\\p{L}][\\p{L}'’.-]*";
const PLACE = `${PLACE_WORD}(?:\\s+(?:${PLACE_WORD}|of|upon|on|am|de|la))*`;

const DATE_RE = new RegExp(`^${DATE}`, 'iu');
/** "Published: 17 May 2022", "Posted on May 17, 2022", "Updated: 17.05.2022, 14:05". */
export const DATE_LINE =
  /^(published|posted|first published|dated|date|updated|last updated|modified)\b(?:\s+on)?\s*[:\-–]?\s*/i;
/** A paragraph that is nothing but a date, with a place or publisher before it and a time after. */
const ALONE = new RegExp(`^(?:(${PLACE})\\s*[,|–—-]\\s*)?(${DATE})${TIME}\\s*\\.?$`, 'iu');
/** A dateline heading a paragraph, then the story after a dash, a colon or a full stop. */
const HEAD = new RegExp(
  `^(?:(${PLACE}(?:\\s*,\\s*${PLACE})?)\\s*,\\s*)?(${DATE})${TIME}(?:\\s*\\([^()]{1,60}\\))?\\s*(?:[-–—:]|\\.(?=\\s))\\s*`,
  'iu',
);

/** The regexes match case-insensitively (month names); a place must be written with capitals. */
function placeLike(place: string | undefined): boolean {
  if (place === undefined) return true;
  const words = place.split(/[\s,]+/).filter(Boolean);
  return (
    !/^(On|In|Since|By|As|At|From|Until|After|Before|The|A|An|This|Last|Yesterday|Today|Tonight|Earlier|Later|Meanwhile|Also|However|And|But|Then|Now)$/.test(
      words[0] ?? '',
    ) && words.every((w) => /^\p{Lu}/u.test(w) || /^(of|upon|on|am|de|la)$/.test(w))
  );
}

interface Parts {
  readonly month: number;
  readonly day: number;
  readonly year: number | null;
}

/** Month, day and year of a DATE match (groups as in DATE_RE), or null for a day that cannot exist. */
function partsOf(m: RegExpExecArray, offset = 0): Parts | null {
  const g = (i: number) => m[offset + i];
  let p: Parts;
  if (g(1)) p = { month: monthOf(g(1)!), day: Number(g(2)), year: g(3) ? Number(g(3)) : null };
  else if (g(5)) p = { month: monthOf(g(5)!), day: Number(g(4)), year: g(6) ? Number(g(6)) : null };
  else if (g(7)) p = { day: Number(g(7)), month: Number(g(8)), year: Number(g(9)) };
  else p = { year: Number(g(10)), month: Number(g(11)), day: Number(g(12)) };
  const probe = iso(p.year ?? 2000, p.month, p.day);
  return isIsoDate(probe) ? p : null;
}

function monthOf(name: string): number {
  return MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function make(p: Parts, text: string, kind: Dateline['kind']): Dateline {
  return {
    date: p.year === null ? null : iso(p.year, p.month, p.day),
    text: text.trim().replace(/\s*[-–—:.]$/, ''),
    kind,
    month: p.month,
    day: p.day,
    yearless: p.year === null,
  };
}

/** A "Published …" or "Updated …" line (short), or null. */
export function publishedLine(line: string): Dateline | null {
  if (line.length > 90) return null;
  const lead = DATE_LINE.exec(line);
  if (!lead) return null;
  const m = DATE_RE.exec(line.slice(lead[0].length));
  const p = m ? partsOf(m) : null;
  if (!p) return null;
  return make(p, line, /updated|modified/i.test(lead[1]!) ? 'updated' : 'published');
}

/**
 * The dateline at the head of a paragraph: `rest` is the paragraph without it (empty when the
 * paragraph was nothing but the date). Null when the paragraph does not start with one.
 */
export function datelineAt(paragraph: string): { dateline: Dateline; rest: string } | null {
  if (paragraph.length < 100) {
    const alone = ALONE.exec(paragraph);
    const p = alone && placeLike(alone[1]) ? partsOf(DATE_RE.exec(alone[2]!)!) : null;
    if (alone && p) return { dateline: make(p, paragraph, 'dateline'), rest: '' };
  }
  const head = HEAD.exec(paragraph.slice(0, 160));
  if (!head || !placeLike(head[1])) return null;
  const p = partsOf(DATE_RE.exec(head[2]!)!);
  const rest = paragraph.slice(head[0].length);
  // The story goes on after the dateline, starting like a sentence.
  if (!p || !/^["“«]?[\p{Lu}\d]/u.test(rest)) return null;
  return { dateline: make(p, head[0], 'dateline'), rest };
}

const FULL_DATES = new RegExp(DATE, 'giu');
/** How far before a yearless dateline the text's own dates may lie for their year to be taken. */
const YEAR_SPAN_DAYS = 62;

/**
 * The year of a dateline without one, from the full dates of the text: the dateline is on or after
 * the latest of them (a report comes after what it reports), and no more than two months after it.
 * Null when the text gives no full date, or none close enough: the year is then not guessed.
 */
export function yearFromText(d: Dateline, text: string): string | null {
  let latest: number | null = null;
  for (const m of text.matchAll(FULL_DATES)) {
    const p = partsOf(m as RegExpExecArray);
    if (!p || p.year === null) continue;
    const days = toDays(iso(p.year, p.month, p.day));
    if (days !== null && (latest === null || days > latest)) latest = days;
  }
  if (latest === null) return null;
  const year = new Date(latest * 86_400_000).getUTCFullYear();
  for (const y of [year, year + 1]) {
    const candidate = iso(y, d.month, d.day);
    const days = isIsoDate(candidate) ? toDays(candidate) : null;
    if (days !== null && days >= latest) return days - latest <= YEAR_SPAN_DAYS ? candidate : null;
  }
  return null;
}
