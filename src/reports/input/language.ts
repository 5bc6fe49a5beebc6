/**
 * Is the text English? Extraction rules are English, including machine-translated English (missing
 * articles, odd word order), so the test is deliberately lenient: enough common function words and a
 * Latin script.
 */

// Function words and the commonest words of war reporting: terse statements ("Since March 1, 100
// fighters surrendered, including 1 wounded.") carry few function words but many of these.
const FUNCTION_WORDS = new Set(
  `the of and to in a an was were is are that for on with by as at from said have has had been this it he she they
their his her who which not or be will after its since including more than about over during into were
according people fighters soldiers servicemen civilians wounded killed dead surrendered captured evacuated
released exchanged missing detained prisoners ministry defence defense total last past day days week
hours yesterday today monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
);

/** Returns null when the text reads as English, or the reason it does not. */
export function notEnglishReason(text: string, declared?: string): string | null {
  if (declared && !/^en\b/i.test(declared.trim()) && declared.trim() !== '')
    return `language "${declared}" is not supported: extraction reads English text only`;
  const sample = text.slice(0, 20000);
  let latin = 0;
  let other = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    else if (c >= 0x370 && !(c >= 0x2000 && c <= 0x206f) && c !== 0xab && c !== 0xbb) other++;
  }
  if (other > latin) return `the text is not English (mostly ${scriptName(sample)} script)`;
  const words = sample.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length < 12) return null;
  let hits = 0;
  for (const w of words) if (FUNCTION_WORDS.has(w)) hits++;
  if (hits / words.length < 0.08) return 'the text is not English (too few English function words)';
  return null;
}

function scriptName(text: string): string {
  if (/[\u0400-\u04ff]/.test(text)) return 'Cyrillic';
  if (/[\u0600-\u06ff]/.test(text)) return 'Arabic';
  if (/[\u4e00-\u9fff]/.test(text)) return 'Han';
  if (/[\u0590-\u05ff]/.test(text)) return 'Hebrew';
  return 'non-Latin';
}
