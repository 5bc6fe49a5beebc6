/**
 * Paragraphs and sentences, with their offsets. Sentence boundaries come from compromise's tokenizer
 * (it knows abbreviations such as "Lt. Col." and "U.N."); only its splitter runs, not its tagger, which
 * is far too slow for our budget on long pages.
 */
import nlp from 'compromise/three';

/** One sentence of the report. */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly paragraph: number;
  /** Cut off by the source: ends in an ellipsis or without a final mark at the end of the text. */
  readonly truncated: boolean;
}

type Splitter = (text: string, world: object) => string[];

const world = nlp.world() as { methods: { one: { tokenize: { splitSentences: Splitter } } } };
const splitSentences: Splitter = world.methods.one.tokenize.splitSentences;

/** A sentence "ending" in one of these was cut by the splitter inside a title or identifier. */
const ABBREVIATION_END =
  /(?:\b(?:No|Nr|Lt|Col|Gen|Maj|Capt|Sgt|Cpl|Pte|Pvt|Mr|Mrs|Ms|Dr|St|Adm|Brig|Lieut|Sr|Jr)|(?:^|\s)[A-Z])\.$/;
const ENDS_CUT = /(\.\.\.|…|\[\.\.\.\]|\[…\])["”»’']?\s*$/;
const ENDS_PROPERLY = /[.!?]["”»’')\]]*\s*$/;

/** Splits cleaned text (paragraphs separated by blank lines) into sentences. */
export function splitIntoSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paragraphs = text.split(/\n\s*\n/);
  let offset = 0;
  paragraphs.forEach((para, p) => {
    const paraStart = text.indexOf(para, offset);
    offset = paraStart + para.length;
    let cursor = 0;
    const parts = para.trim() ? splitSentences(para, world).flatMap(splitAfterNumber).flatMap(capLength) : [];
    parts.forEach((raw, i) => {
      const s = raw.trim();
      if (!s) return;
      const at = para.indexOf(s, cursor);
      cursor = at >= 0 ? at + s.length : cursor;
      const lastOfText = p === paragraphs.length - 1 && i === parts.length - 1;
      const truncated = ENDS_CUT.test(s) || (lastOfText && !ENDS_PROPERLY.test(s) && s.length > 40);
      out.push({ text: s, start: paraStart + Math.max(at, 0), paragraph: p, truncated });
    });
  });
  return mergeQuoteSplits(out);
}

/** Longest sentence handed to the grammar; real ones are far shorter, run-ons are cut at commas. */
const MAX_SENTENCE = 1200;

/** Cuts a run-on "sentence" (lists, tables flattened to text) so that no step sees a huge one. */
function capLength(sentence: string): string[] {
  if (sentence.length <= MAX_SENTENCE) return [sentence];
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SENTENCE) {
    const window = rest.slice(0, MAX_SENTENCE);
    const cut = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf(' '));
    const at = cut > MAX_SENTENCE / 2 ? cut + 1 : MAX_SENTENCE;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at);
  }
  if (rest.trim()) out.push(rest.trim());
  return out;
}

/** The splitter does not end a sentence after a number ("… Colony No. 17. Kuzmenko was …"). */
function splitAfterNumber(sentence: string): string[] {
  return sentence.split(/(?<=\d\.)\s+(?=\p{Lu}\p{Ll})/u);
}

/** Keeps `"…," he said.` together with its quote when the splitter broke after the quoted sentence. */
function mergeQuoteSplits(sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    const joins =
      (/^[a-z]/.test(s.text) && /["”»]$/.test(prev?.text ?? '')) ||
      (ABBREVIATION_END.test(prev?.text ?? '') && /^[\p{Lu}\d]/u.test(s.text));
    if (prev && prev.paragraph === s.paragraph && joins) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${s.text}`, truncated: s.truncated };
    } else out.push(s);
  }
  return out;
}
