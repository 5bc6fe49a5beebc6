/**
 * One report in, one extraction out: guard, clean, split, analyse, then run the extractors.
 */
import type { PublicationDating, ReportExtraction, ReportInput } from '../types.js';
import type { Dateline } from '../input/dateline.js';
import { DomainError } from '../../domain/errors.js';
import { assertSize, looksLikeHtml, textLooksBinary } from '../input/guard.js';
import { cleanHtml } from '../input/clean-html.js';
import { cleanText } from '../input/boilerplate.js';
import { notEnglishReason } from '../input/language.js';
import { splitIntoSentences } from '../text/sentences.js';
import { isIsoDate } from '../time/dates.js';
import { analyseSentences } from './context.js';
import { extractFigures } from './figures.js';
import { extractPersons } from './persons.js';
import { extractPlacesAndOrganizations } from './places.js';
import { extractQuotes } from './quotes.js';
import { extractFraming } from './framing.js';

/**
 * Extracts figures, person mentions, places, organisations, quotes and framing from one report.
 * Empty, binary or non-English input gives an empty result with a `reason`; input over the size cap
 * throws PAYLOAD_TOO_LARGE; a malformed `published` date throws INVALID_DATE.
 *
 * @example extractReport({ text: 'Since Monday, 264 fighters have surrendered, the ministry said.', published: '2022-05-19' })
 */
export function extractReport(input: ReportInput): ReportExtraction {
  const raw = input.html ?? input.text ?? '';
  assertSize(Buffer.byteLength(raw, 'utf8'), input.file ?? 'report');
  if (input.published !== undefined && !isIsoDate(input.published))
    throw new DomainError('INVALID_DATE', `published date "${input.published}" is not a YYYY-MM-DD date`, {
      issues: [{ path: 'published', message: 'expected YYYY-MM-DD' }],
    });
  const base = emptyExtraction(input, input.published ?? null, null);
  if (raw.trim() === '') return { ...base, reason: 'the report is empty' };
  if (textLooksBinary(raw)) return { ...base, reason: 'the report is binary data, not text' };
  const html = input.html !== undefined || looksLikeHtml(raw);
  const fromHtml = html ? cleanHtml(raw) : null;
  const cleaned = cleanText(fromHtml ? fromHtml.text : raw, fromHtml?.authors ?? []);
  const published = input.published ?? fromHtml?.published ?? cleaned.published ?? null;
  const publisher = input.publisher ?? fromHtml?.publisher ?? null;
  const meta = {
    ...base,
    published,
    dating: datingOf(input.published, fromHtml?.published ?? null, cleaned.dateline),
    publisher,
    title: siteless(fromHtml?.title ?? cleaned.title, publisher),
    authors: cleaned.authors,
  };
  if (cleaned.text.trim() === '') return { ...meta, reason: 'no article text was found' };
  const foreign = notEnglishReason(cleaned.text, input.language);
  if (foreign) return { ...meta, reason: foreign };
  const sentences = splitIntoSentences(cleaned.text);
  const contexts = analyseSentences(sentences, published);
  const { figures, skipped } = extractFigures(contexts, published, publisher);
  const { places, organizations } = extractPlacesAndOrganizations(contexts);
  const persons = extractPersons(contexts, { authors: cleaned.authors, places, organizations });
  return {
    ...meta,
    figures,
    persons,
    places,
    organizations,
    quotes: extractQuotes(contexts, cleaned.text, persons),
    framing: extractFraming(contexts),
    truncated: sentences.filter((s) => s.truncated).map((s) => s.text),
    skipped,
    reason: figures.length === 0 && persons.length === 0 ? noFindingsReason(skipped.length) : null,
  };
}

const OPEN_WINDOWS =
  'windows counted from publication ("since Monday", "in the last 24 hours") are left open; each such figure keeps its time words in "relative"';

/** Where the publication date came from, and what its absence leaves open. */
function datingOf(
  given: string | undefined,
  page: string | null,
  dateline: Dateline | null,
): PublicationDating {
  if (given !== undefined) return { source: 'given', text: null, note: null };
  if (page !== null) return { source: 'page', text: null, note: null };
  if (dateline?.date)
    return {
      source: 'text',
      text: dateline.text,
      note: dateline.yearless
        ? `the dateline gives no year; ${dateline.date.slice(0, 4)} is the year of the latest full date in the text, shortly before it`
        : null,
    };
  if (dateline)
    return {
      source: null,
      text: dateline.text,
      note: `the dateline "${dateline.text}" gives no year and the text gives no full date shortly before it: ${OPEN_WINDOWS}`,
    };
  return {
    source: null,
    text: null,
    note: `no publication date was given or found in the text: ${OPEN_WINDOWS}`,
  };
}

/** "Headline | Site" → "Headline". */
function siteless(title: string | null, publisher: string | null): string | null {
  if (!title) return null;
  const parts = title.split(/\s+[|–—-]\s+/);
  const last = parts[parts.length - 1] ?? '';
  return parts.length > 1 && (publisher === null || last === publisher || last.length < 40)
    ? parts.slice(0, -1).join(' - ')
    : title;
}

function noFindingsReason(skipped: number): string {
  return skipped > 0
    ? `no figures: ${skipped} number(s) found but the text does not say what they count`
    : 'no figures or named people were found';
}

/** An extraction with nothing in it, for input that cannot be read. */
export function emptyExtraction(
  input: ReportInput,
  published: string | null,
  reason: string | null,
): ReportExtraction {
  return {
    file: input.file ?? null,
    published,
    dating: { source: published ? 'given' : null, text: null, note: null },
    publisher: input.publisher ?? null,
    language: input.language ?? 'en',
    title: null,
    figures: [],
    persons: [],
    places: [],
    organizations: [],
    quotes: [],
    authors: [],
    framing: [],
    truncated: [],
    skipped: [],
    reason,
  };
}
