/**
 * Output hygiene shared by the writers: XML text escaping and the neutralisation of spreadsheet
 * formulas (a cell that starts with = + - @ TAB or CR is run as a formula by Excel and LibreOffice;
 * a leading apostrophe makes it text).
 */

// Characters XML 1.0 does not allow even as references (C0 controls other than TAB LF CR, lone
// surrogates, U+FFFE, U+FFFF).
const XML_INVALID =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for an XML element; CR is kept as a reference (parsers would fold it into LF). */
export function escapeXmlText(s: string): string {
  return s
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

const FORMULA_START = /^[=+\-@\t\r]/;
// A sign followed only by digits and number punctuation ("+380 50 123 4567", "-5") cannot call
// anything; leaving it alone keeps phone numbers and negative numbers intact.
const PLAIN_NUMBER = /^[+-][\d\s.,()/-]*$/;

/** True when a spreadsheet could run the text as a formula. */
export function looksLikeFormula(s: string): boolean {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s);
}

/**
 * Prefixes an apostrophe to text a spreadsheet could run as a formula (cells starting with
 * = + - @ TAB or CR), so that it shows as text.
 *
 * @example neutraliseFormula('=HYPERLINK("http://x","y")') // "'=HYPERLINK(...)"
 */
export function neutraliseFormula(s: string): string {
  return looksLikeFormula(s) ? `'${s}` : s;
}

/** Undoes neutraliseFormula, for re-reading a file this project wrote. */
export function restoreFormula(s: string): string {
  return s.startsWith("'") && looksLikeFormula(s.slice(1)) ? s.slice(1) : s;
}
