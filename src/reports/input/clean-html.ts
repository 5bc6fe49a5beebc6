/**
 * HTML → article text. The page is parsed with linkedom (scripts are never run: linkedom has no
 * script engine, and script/style elements are removed before anything reads the text), widgets that
 * are not the report are removed by their markup, and @mozilla/readability picks the article body.
 * Bylines and author boxes are read as metadata before they are removed.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

/** Article text with paragraph breaks, and what the page says about itself. */
export interface CleanedHtml {
  readonly text: string;
  readonly title: string | null;
  readonly authors: string[];
  readonly published: string | null;
  readonly publisher: string | null;
}

const DROP_TAGS =
  'script,style,noscript,template,iframe,svg,canvas,form,button,nav,aside,footer,select,input,object,embed';
const BOILERPLATE =
  /(^|[\s_-])(share|sharing|social|follow|subscribe|subscription|newsletter|related|promo|advert|ads?|cookie|consent|trust|byline|author|bio|breadcrumbs?|comments?|tags|menu|navbar|sidebar|popular|recommended|paywall|signup|donate|disclaimer)([\s_-]|$)/i;
const BLOCK = new Set(
  'P,DIV,H1,H2,H3,H4,H5,H6,LI,BLOCKQUOTE,PRE,TD,TH,TR,FIGCAPTION,SECTION,ARTICLE,BR,UL,OL,TABLE,HEADER,MAIN,DD,DT'.split(
    ',',
  ),
);

type ReadabilityDoc = ConstructorParameters<typeof Readability>[0];

type El = {
  tagName: string;
  getAttribute(n: string): string | null;
  remove(): void;
  textContent: string | null;
  querySelectorAll(s: string): Iterable<El>;
};

/** Extracts the article text and metadata from an HTML page. */
export function cleanHtml(html: string): CleanedHtml {
  const { document } = parseHTML(html);
  const doc = document as unknown as { querySelectorAll(s: string): Iterable<El> };
  for (const el of [...doc.querySelectorAll(DROP_TAGS)]) el.remove();
  const meta = readMeta(doc);
  for (const el of [...doc.querySelectorAll('[class],[id],[role],[itemprop]')]) {
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
    const role = el.getAttribute('role') ?? '';
    if (BOILERPLATE.test(label) || /^(navigation|banner|complementary|contentinfo)$/.test(role)) el.remove();
  }
  const article = readArticle(doc);
  const bodyHtml =
    article?.content ?? (doc.querySelectorAll('body') as unknown as El[])[0]?.toString() ?? html;
  const text = blocksToText(bodyHtml);
  const authors = meta.authors.length > 0 ? meta.authors : splitAuthors(article?.byline ?? '');
  return {
    text,
    title: meta.title ?? article?.title ?? null,
    authors,
    published: meta.published,
    publisher: meta.publisher,
  };
}

/** Readability's article, or null when it finds none (or fails on odd markup: the body is used then). */
function readArticle(
  doc: unknown,
): { content?: string | null; title?: string | null; byline?: string | null } | null {
  try {
    return new Readability(doc as ReadabilityDoc, { charThreshold: 100 }).parse();
  } catch {
    return null;
  }
}

function readMeta(doc: { querySelectorAll(s: string): Iterable<El> }): {
  title: string | null;
  authors: string[];
  published: string | null;
  publisher: string | null;
} {
  const metaOf = (...names: string[]): string | null => {
    for (const m of doc.querySelectorAll('meta')) {
      const key = (
        m.getAttribute('property') ??
        m.getAttribute('name') ??
        m.getAttribute('itemprop') ??
        ''
      ).toLowerCase();
      if (names.includes(key)) return m.getAttribute('content');
    }
    return null;
  };
  const authors = new Set<string>();
  const metaAuthor = metaOf('author', 'article:author', 'dc.creator', 'sailthru.author');
  if (metaAuthor && !/^https?:/.test(metaAuthor)) for (const a of splitAuthors(metaAuthor)) authors.add(a);
  for (const el of doc.querySelectorAll(
    '[rel=author],[itemprop=author],.byline,.author,.author-name,[class*=byline]',
  )) {
    for (const a of splitAuthors(el.textContent ?? '')) authors.add(a);
  }
  let published = metaOf(
    'article:published_time',
    'datepublished',
    'date',
    'pubdate',
    'dc.date',
    'og:published_time',
  );
  if (!published)
    for (const t of doc.querySelectorAll('time[datetime]')) published ??= t.getAttribute('datetime');
  if (!published) {
    for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
      const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(s.textContent ?? '');
      if (m?.[1]) published = m[1];
    }
  }
  const iso = published ? (/(\d{4}-\d{2}-\d{2})/.exec(published)?.[1] ?? null) : null;
  const titleEl = [...doc.querySelectorAll('title')][0];
  return {
    title: metaOf('og:title') ?? titleEl?.textContent?.trim() ?? null,
    authors: [...authors].slice(0, 10),
    published: iso,
    publisher: metaOf('og:site_name', 'publisher'),
  };
}

/** "By Ann Roe and Bo Lee, Staff" → ["Ann Roe", "Bo Lee"]. */
export function splitAuthors(byline: string): string[] {
  const cleaned = byline
    .replace(/\s+/g, ' ')
    .replace(/^\s*(by|author|authors|written by|text)\s*[:\-–]?\s*/i, '')
    .replace(/[|•].*$/, '')
    .trim();
  if (!cleaned || cleaned.length > 120) return [];
  return cleaned
    .split(/\s*(?:,|\band\b|&)\s*/i)
    .map((s) => s.trim())
    .filter((s) => /^\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(s));
}

function blocksToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  let current = '';
  const flush = (): void => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    current = '';
  };
  const walk = (node: {
    nodeType: number;
    nodeName: string;
    textContent: string | null;
    childNodes: ArrayLike<unknown>;
  }): void => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const block = BLOCK.has(node.nodeName.toUpperCase());
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i] as typeof node);
    if (block) flush();
  };
  walk(document.body as unknown as Parameters<typeof walk>[0]);
  flush();
  return out.join('\n\n');
}
