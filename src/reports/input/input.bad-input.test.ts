// Bad input never crashes and never makes up a figure: empty, binary, gigantic, foreign-language,
// script-laden HTML, and numbers without a subject.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../../domain/errors.js';
import { extractReport, extractReportFromBytes, MAX_INPUT_BYTES } from '../index.js';

describe('bad input', () => {
  test('an empty file gives an empty result with a reason', () => {
    const r = extractReportFromBytes(new Uint8Array(0), { file: 'empty.txt' });
    assert.deepEqual([r.figures, r.persons], [[], []]);
    assert.ok(r.reason);
  });

  test('whitespace only gives an empty result with a reason', () => {
    const r = extractReport({ text: ' \n\n\t ' });
    assert.equal(r.figures.length, 0);
    assert.ok(r.reason);
  });

  test('a binary file gives an empty result with a reason', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 37) % 256);
    const r = extractReportFromBytes(bytes, { file: 'photo.jpg' });
    assert.equal(r.figures.length, 0);
    assert.match(r.reason ?? '', /binary/);
  });

  test('a gigantic page is refused with PAYLOAD_TOO_LARGE', () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 1).fill(97);
    assert.throws(
      () => extractReportFromBytes(big),
      (e) => isDomainError(e, 'PAYLOAD_TOO_LARGE'),
    );
    assert.throws(
      () => extractReport({ text: 'a'.repeat(MAX_INPUT_BYTES + 1) }),
      (e) => isDomainError(e, 'PAYLOAD_TOO_LARGE'),
    );
  });

  test('text in another language gives an empty result with a reason', () => {
    const rows = [
      'Міністерство повідомило, що з 9 березня з комбінату вийшли 1208 захисників, серед них 64 поранених.',
      'Seit dem 9. März haben sich nach Angaben des Ministeriums 1208 Kämpfer ergeben, darunter 64 Verwundete, teilte das Ministerium mit.',
    ];
    for (const text of rows) {
      const r = extractReport({ text, published: '2026-03-12' });
      assert.equal(r.figures.length, 0);
      assert.match(r.reason ?? '', /not English/);
    }
  });

  test('a declared language other than English gives an empty result with a reason', () => {
    const r = extractReport({ text: 'Since March 9, 1,208 fighters have surrendered.', language: 'uk' });
    assert.equal(r.figures.length, 0);
    assert.match(r.reason ?? '', /not supported/);
  });

  test('scripts, styles and widgets in HTML are never read as the report', () => {
    const html = `<html><head><script>var t = "7,777 soldiers were killed";</script><style>p::after{content:"5,555 fighters surrendered"}</style></head>
<body><nav>Home | News</nav><div class="share">Share on Facebook</div><article><p>On Tuesday, 48 civilians were evacuated from Zarichne, the regional administration said, and the convoy was escorted.</p>
<p>The road was shelled twice during the day, officials said, but nobody was hurt on the way out of the town.</p></article>
<script>document.write("<p>9,999 captured</p>")</script></body></html>`;
    const r = extractReport({ html, published: '2026-03-12' });
    assert.deepEqual(
      r.figures.map((f) => f.count),
      [48],
    );
  });

  test('numbers without a subject give no figure and say why', () => {
    const r = extractReport({
      text: 'The figure stood at 264 by evening. Officials said 17 would be added later.',
      published: '2026-03-12',
    });
    assert.equal(r.figures.length, 0);
    assert.equal(r.skipped.length, 2);
    assert.ok(r.reason);
  });

  test('a malformed publication date is an INVALID_DATE error', () => {
    assert.throws(
      () => extractReport({ text: 'x', published: '2026-02-30' }),
      (e) => isDomainError(e, 'INVALID_DATE'),
    );
  });

  test('legacy encodings are decoded', () => {
    const latin1 = Uint8Array.from(
      Buffer.from(
        'Since March 9, 1,208 fighters have surrendered, the ministry said \u00ab today \u00bb.',
        'latin1',
      ),
    );
    const r = extractReportFromBytes(latin1, { published: '2026-03-12' });
    assert.deepEqual(
      r.figures.map((f) => f.count),
      [1208],
    );
  });
});
