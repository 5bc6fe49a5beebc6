/**
 * A small, allocation-light tokenizer for one sentence. Hyphenated compounds stay whole
 * ("32-year-old", "sixty-four", "24-hour"), numbers keep their thousands separators ("1,730",
 * "1 730") and digit ranges are one token ("50-60").
 */

/** One token: source text, lower case, offsets in the sentence, kind, capitalisation. */
export interface Token {
  readonly t: string;
  readonly l: string;
  readonly s: number;
  readonly e: number;
  readonly k: 'num' | 'range' | 'word' | 'punct';
  /** Starts with an upper-case letter. */
  readonly cap: boolean;
  /** Preceded by whitespace. */
  readonly gap: boolean;
}

const TOKEN =
  /(\d+(?:-[\p{L}]+)+)|((?<![\d-])\d{1,4}\s?[-–—]\s?\d{1,4}(?![\d-]|[,.]\d))|(\d{1,3}(?:(?:,|\.|[ \u00a0\u202f])\d{3})+(?![\d]|[,.]\d))|(\d+(?:[.,]\d+)?)|([\p{L}\p{M}][\p{L}\p{M}\d]*(?:['’.-][\p{L}\p{M}\d]+)*\.?)|(\S)/gu;

const ABBREV_DOT =
  /^(?:[A-Z]\.|(?:Lt|Col|Gen|Maj|Capt|Sgt|Cpl|Pte|Pvt|Mr|Mrs|Ms|Dr|St|No|Jr|Sr|Adm|Brig|Cmdr|Lieut|approx|vs|etc)\.)$/;

/** Tokenizes one sentence. */
export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = TOKEN.exec(sentence)) !== null) {
    let text = m[0];
    let kind: Token['k'] = m[1] ? 'word' : m[2] ? 'range' : m[3] || m[4] ? 'num' : m[5] ? 'word' : 'punct';
    // A trailing full stop belongs to the word only for abbreviations ("Lt.", "U.N."); otherwise it
    // is the sentence's end and becomes its own token.
    if (
      kind === 'word' &&
      text.endsWith('.') &&
      !ABBREV_DOT.test(text) &&
      !/^(?:[A-Za-z]\.){2,}$/.test(text)
    ) {
      text = text.slice(0, -1);
      TOKEN.lastIndex = m.index + text.length;
    }
    if (kind === 'range' && /\s/.test(text) && !/[-–—]/.test(text.replace(/\s/g, ''))) kind = 'num';
    const first = text.charAt(0);
    out.push({
      t: text,
      l: text.toLowerCase(),
      s: m.index,
      e: m.index + text.length,
      k: kind,
      cap: first !== first.toLowerCase(),
      gap: m.index > last || out.length === 0,
    });
    last = m.index + text.length;
  }
  return out;
}
