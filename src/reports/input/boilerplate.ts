/**
 * Line-level cleaning shared by text and HTML input: what is around a report but not in it (share
 * and follow widgets, subscription and trust notices, navigation crumbs, bylines, author biographies,
 * datelines). Bylines and datelines are kept as metadata.
 */
import { splitAuthors } from './clean-html.js';
import { datelineAt, publishedLine, yearFromText, type Dateline } from './dateline.js';

/** The report's own text, and what was learnt from the lines around it. */
export interface CleanedText {
  readonly text: string;
  readonly title: string | null;
  readonly authors: string[];
  /** The publication date the text gives for itself, or null (never guessed). */
  readonly published: string | null;
  /** Where that date was read, as written; also a dateline that gave no usable date. */
  readonly dateline: Dateline | null;
}

const SOCIAL =
  /\b(facebook|twitter|telegram|whatsapp|viber|instagram|youtube|linkedin|tiktok|reddit|x\.com|rss)\b/i;
const WIDGET = [
  /^(follow|subscribe|share|sign up|join|like|support)\b.{0,80}$/i,
  /^(share|tweet|email|print|copy link|save|comments?)(\s+(on|this|article|story|via|to)\b.*)?$/i,
  /^(read (more|also)|related( articles| stories)?|see also|also read|more on this|recommended|most read|popular)\b\s*[:\-–]?/i,
  /^advertisement$/i,
  /^(photo|image|video|source|illustration)( credit)?\s*:/i,
  /^(©|\(c\)|copyright\b)/i,
  /\ball rights reserved\b/i,
  /\b(trust (project|principles)|our standards|editorial (standards|policy)|fact-?check(ed|ing)? (policy|by)|we (verify|fact-check))\b/i,
  /\b(newsletter|subscription|subscribe to|support (independent|our) journalism|donate)\b/i,
  /\b(cookies?|privacy policy|terms of (use|service))\b/i,
  /^(home|news|world|politics)(\s*[|›»/>]\s*\w[\w ]*){1,}$/i,
  /^(updated|last updated|modified)\s*[:\-–]?\s/i,
];
const BYLINE = /^(by|author|authors|written by|text by|reporting by|text)\s*[:\-–]?\s+(.{3,100})$/i;
const BIO_START =
  /^(about the author\b|[\p{Lu}][\p{L}'’-]+(\s+[\p{Lu}][\p{L}'’-]+){1,2} (is|was|has been) (an? |the )?([\p{L}-]+ ){0,3}(reporter|correspondent|journalist|editor|writer|columnist|contributor|producer|photographer|freelancer|author|analyst)\b)/u;
/** Short lines about the publication that are not the report, even when they carry no date. */
const PUBLICATION_LINE = /^(published|posted|date|dated)\s*[:\-–]?\s+(.+)$/i;

/** Removes what is not the report and keeps bylines and dates as metadata. */
export function cleanText(raw: string, knownAuthors: readonly string[] = []): CleanedText {
  const authors = new Set<string>(knownAuthors);
  let publishedAt: Dateline | null = null;
  let updatedAt: Dateline | null = null;
  const paragraphs = raw.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const kept: string[] = [];
  for (const para of paragraphs) {
    const lines: string[] = [];
    for (const rawLine of para.split('\n')) {
      const line = rawLine.replace(/[ \t\u00a0]+/g, ' ').trim();
      if (!line) continue;
      const byline = BYLINE.exec(line);
      if (byline?.[2] && !/[.!?]["”»]?$/.test(byline[2].replace(/\b[A-Z]\.$/, ''))) {
        const names = splitAuthors(byline[2]);
        if (names.length > 0) {
          for (const n of names) authors.add(n);
          continue;
        }
      }
      const dated = publishedLine(line);
      if (dated?.kind === 'updated') updatedAt ??= dated;
      else if (dated) publishedAt ??= dated;
      if (dated || (PUBLICATION_LINE.test(line) && line.length < 80)) continue;
      if (isWidget(line)) continue;
      lines.push(line);
    }
    if (lines.length === 0) continue;
    const joined = lines.join(' ');
    if (isBio(joined, authors)) continue;
    kept.push(joined);
  }
  const headed = takeDateline(kept);
  const title = takeTitle(kept);
  const text = kept.join('\n\n');
  // A "Published" line says it best; a dateline is the filing date; "Updated" comes last.
  let dateline = publishedAt ?? headed ?? updatedAt;
  if (dateline?.yearless) dateline = { ...dateline, date: yearFromText(dateline, text) };
  return { text, title, authors: [...authors], published: dateline?.date ?? null, dateline };
}

function isWidget(line: string): boolean {
  if (
    line.length < 120 &&
    SOCIAL.test(line) &&
    !/\b(said|told|wrote|posted|reported|according)\b/i.test(line)
  )
    return true;
  return line.length < 200 && WIDGET.some((re) => re.test(line));
}

function isBio(para: string, authors: Set<string>): boolean {
  if (BIO_START.test(para) && para.length < 600) {
    const lead = para.split(/\s+(is|was|has)\s/)[0] ?? '';
    return (
      authors.size === 0 ||
      [...authors].some((a) => lead.includes(a) || a.includes(lead)) ||
      /^about the author/i.test(para)
    );
  }
  return false;
}

/** A short first paragraph without a final stop is the headline: kept as title, not as story. */
function takeTitle(paras: string[]): string | null {
  const first = paras[0];
  if (paras.length > 1 && first && first.length < 160 && !/[.!?…"”»]$/.test(first)) {
    paras.shift();
    return first;
  }
  return null;
}

/** The dateline of one of the first paragraphs, removed from the text: it is not the story. */
function takeDateline(paras: string[]): Dateline | null {
  for (let i = 0; i < Math.min(3, paras.length); i++) {
    const found = datelineAt(paras[i]!);
    if (!found) continue;
    if (found.rest) paras[i] = found.rest;
    else paras.splice(i, 1);
    return found.dateline;
  }
  return null;
}
