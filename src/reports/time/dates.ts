/**
 * Calendar arithmetic on "YYYY-MM-DD" strings (UTC, no time of day), and the past bias of news:
 * a weekday or a day without a year named in a story means the latest such day on or before the
 * publication date.
 */
import * as chrono from 'chrono-node';

const DAY_MS = 86_400_000;

/** Parses "YYYY-MM-DD" to epoch days, or null. */
export function toDays(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? null : Math.round(t / DAY_MS);
}

/** Formats epoch days as "YYYY-MM-DD". */
export function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Adds days to an ISO date. */
export function addDays(iso: string, n: number): string {
  const d = toDays(iso);
  return d === null ? iso : fromDays(d + n);
}

/** Day of week, 0 = Sunday. */
export function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** True when `iso` is a real calendar date "YYYY-MM-DD". */
export function isIsoDate(iso: string): boolean {
  const d = toDays(iso);
  return d !== null && fromDays(d) === iso;
}

/** A calendar date found in a sentence, with its character span. */
export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly date: string | null;
  readonly text: string;
  /** The last day of a range ("May 16 to 20", "16-20 May"); the range starts at `date`. */
  readonly until?: string | null;
}

const WEEKDAY =
  /^(?:on\s+)?(?:last\s+|this\s+|past\s+)?(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?(?:\s+(?:morning|evening|night|afternoon))?$/i;
const CALENDAR =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:yesterday|today|tonight|ago|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;
const MONTH_ONLY = /^(?:in\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(\s+\d{4})?$/i;

/**
 * Calendar dates and weekdays in a sentence, resolved against the publication date with a past bias.
 * Without a publication date only dates that carry a year are resolved.
 */
export function findDates(sentence: string, published: string | null): DateMention[] {
  if (!CALENDAR.test(sentence)) return [];
  const ref = published ? new Date(`${published}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: DateMention[] = [...numericDates(sentence), ...commonDates(sentence, published)];
  if (!out.some((d) => d.date === null) && coversAll(sentence, out))
    return out.sort((a, b) => a.start - b.start);
  for (const r of parseAroundCues(sentence, ref)) {
    if (out.some((d) => r.index < d.end && r.index + r.text.length > d.start)) continue;
    const text = r.text.replace(/[\s,.;:]+$/, '');
    if (!CALENDAR.test(text) || MONTH_ONLY.test(text.trim()) || /^may$/i.test(text.trim())) continue;
    if (/^may\b/i.test(text) && !/^may\s+\d/i.test(text)) continue;
    out.push({ start: r.index, end: r.index + text.length, text, date: resolve(r, text, published) });
  }
  return out;
}

const NUMERIC = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/g;

/** "12.03.2026" and "12/03/2026" read day first, as translated and European news write them. */
export function numericDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const m of text.matchAll(NUMERIC)) {
    const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], date: isIsoDate(iso) ? iso : null });
  }
  return out;
}

const CALENDAR_ALL = new RegExp(CALENDAR.source, 'gi');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const COMMON = new RegExp(
  `\\b(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?|(mon|tues|wednes|thurs|fri|satur|sun)day|(yesterday|today|tonight))\\b`,
  'gi',
);

/**
 * The forms news uses most ("March 9", "9 March 2026", "on Tuesday", "yesterday") read directly:
 * they are most of the dates and reading them costs little. Anything else goes to chrono.
 */
function commonDates(sentence: string, published: string | null): DateMention[] {
  const out: DateMention[] = [];
  for (const m of sentence.matchAll(COMMON)) {
    const text = m[0];
    let date: string | null = null;
    if (m[7] && published) date = lastWeekday(published, m[7].slice(0, 3).toLowerCase());
    else if (m[8] && published) date = /yesterday/i.test(m[8]) ? addDays(published, -1) : published;
    else if (m[1] || m[5]) {
      const month = MONTHS.indexOf((m[1] ?? m[5])!.slice(0, 3).toLowerCase()) + 1;
      const day = Number(m[2] ?? m[4]);
      const year = m[3] ?? m[6];
      if (/^may$/i.test(m[1] ?? '') && !m[2]) continue;
      date = dayOf(year ? Number(year) : null, month, day, published);
      const range = rangeAround(sentence, m.index, m.index + text.length, m[1] !== undefined);
      if (range) {
        const other = dayOf(year ? Number(year) : null, month, range.day, published);
        out.push({
          start: range.start,
          end: range.end,
          text: sentence.slice(range.start, range.end),
          date: m[1] ? date : other,
          until: m[1] ? other : date,
        });
        continue;
      }
    }
    out.push({ start: m.index, end: m.index + text.length, text, date });
  }
  return out;
}

const TAIL = /^\s*(?:-|–|—|to|until|till|through)\s*(\d{1,2})\b(?![,.]?\d)/i;
const HEAD = /\b(\d{1,2})\s*(?:-|–|—|to|until|till|through)\s*$/i;

/** "May 16 to 20" (month first: the second day follows) or "16-20 May" (day first: it precedes). */
function rangeAround(
  sentence: string,
  start: number,
  end: number,
  monthFirst: boolean,
): { start: number; end: number; day: number } | null {
  if (monthFirst) {
    const m = TAIL.exec(sentence.slice(end));
    return m ? { start, end: end + m[0].length, day: Number(m[1]) } : null;
  }
  const before = sentence.slice(Math.max(0, start - 12), start);
  const m = HEAD.exec(before);
  return m ? { start: start - (before.length - m.index), end, day: Number(m[1]) } : null;
}

function dayOf(year: number | null, month: number, day: number, published: string | null): string | null {
  const y = year ?? (published ? Number(published.slice(0, 4)) : null);
  if (y === null) return null;
  const iso = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(iso)) return null;
  if (year !== null || !published) return iso;
  return (toDays(iso) ?? 0) > (toDays(published) ?? 0) + 1 ? `${y - 1}${iso.slice(4)}` : iso;
}

function lastWeekday(published: string, name: string): string {
  const target = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(name);
  return addDays(published, -((weekday(published) - target + 7) % 7));
}

/** True when every calendar word of the sentence lies inside a date already read. */
function coversAll(sentence: string, found: readonly DateMention[]): boolean {
  for (const m of sentence.matchAll(CALENDAR_ALL)) {
    if (/^may$/i.test(m[0])) continue;
    if (!found.some((d) => m.index >= d.start && m.index < d.end)) return false;
  }
  return true;
}

/**
 * chrono's cost grows with the text it reads, so it reads only a window around each calendar word
 * (merged when they touch); result offsets are mapped back to the sentence.
 */
interface Found {
  readonly index: number;
  readonly text: string;
  readonly start: chrono.ParsedComponents;
}

function parseAroundCues(sentence: string, ref: Date): Found[] {
  const windows: [number, number][] = [];
  for (const m of sentence.matchAll(CALENDAR_ALL)) {
    const s = Math.max(0, m.index - 24);
    const e = Math.min(sentence.length, m.index + m[0].length + 24);
    const last = windows[windows.length - 1];
    if (last && s <= last[1]) last[1] = e;
    else windows.push([s, e]);
  }
  const out: Found[] = [];
  for (const [s, e] of windows) {
    // Start the window at a word boundary so that chrono never sees half a word.
    const start = s === 0 ? 0 : sentence.indexOf(' ', s) + 1 || s;
    for (const r of chrono.parse(
      sentence.slice(start, e),
      { instant: ref, timezone: 0 },
      { forwardDate: false },
    )) {
      out.push({ index: r.index + start, text: r.text, start: r.start });
    }
  }
  return out;
}

function resolve(r: Found, text: string, published: string | null): string | null {
  const c = r.start;
  const wd = WEEKDAY.exec(text.trim());
  if (wd && !c.isCertain('day')) {
    if (!published) return null;
    const target = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].indexOf(wd[1]!.toLowerCase());
    const back = (weekday(published) - target + 7) % 7;
    return addDays(published, -back);
  }
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  if (y === null || m === null || d === null) return null;
  if (!c.isCertain('day') && !/yesterday|today|tonight/i.test(text)) return null;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (c.isCertain('year')) return iso;
  if (!published) return null;
  // A day without a year more than a day after publication is last year's.
  return (toDays(iso) ?? 0) > (toDays(published) ?? 0) + 1 ? `${y - 1}${iso.slice(4)}` : iso;
}
