/**
 * Figures, windows and the engine's reasons in the user's language. The words a report used
 * (populations, who said it, the sentence) are shown as the report wrote them.
 */
import type { TFunction } from 'i18next';
import type { FigureWindow, ReportExtraction, ReportFigure } from '../../api/types.js';
import { formatDay, formatNumber } from '../../lib/format.js';

/** A figure category or reported status ("seriously wounded") as a label. */
export function categoryLabel(category: string, t: TFunction): string {
  return t(`reports.categories.${category.replace(/ /g, '_')}`, { defaultValue: category });
}

/** The count with its qualifier: "more than 50", "50–60", "dozens (at least 24)". */
export function countText(f: ReportFigure, t: TFunction, locale: string): string {
  const n = formatNumber(f.count, locale);
  const max = f.max === null ? '' : formatNumber(f.max, locale);
  switch (f.qualifier) {
    case 'range':
      return t('reports.count.range', { n, max });
    case 'vague':
      return t('reports.count.vague', { n, text: f.text ?? n });
    case 'exact':
      return n;
    default:
      return t(`reports.count.${f.qualifier}`, { n, defaultValue: n });
  }
}

/** The time window a figure covers, in words; open windows show the report's own time words. */
export function windowText(w: FigureWindow, t: TFunction, locale: string, relative?: string | null): string {
  const from = formatDay(w.from, locale);
  const to = formatDay(w.to, locale);
  if (relative) return t('reports.window.relative', { words: relative });
  if (w.kind === 'cumulative') {
    if (w.from && w.to) return t('reports.window.sinceUntil', { from, to });
    if (w.from) return t('reports.window.since', { from });
    if (w.to) return t('reports.window.totalAsOf', { to });
    return t('reports.window.totalUnknown');
  }
  if (w.kind === 'period') {
    if (w.from && w.to) return w.from === w.to ? t('reports.window.on', { date: to }) : `${from} – ${to}`;
    if (w.to) return t('reports.window.upTo', { to });
    if (w.from) return t('reports.window.since', { from });
    return t('reports.window.periodUnknown');
  }
  return w.to ? t('reports.window.asOf', { to }) : t('reports.window.asOfUnknown');
}

/** One figure in a line: "1,208 surrendered (fighters), since 9 Mar 2026 to 11 Mar 2026". */
export function figureLine(f: ReportFigure, t: TFunction, locale: string): string {
  const what = [countText(f, t, locale), categoryLabel(f.category, t).toLowerCase()].join(' ');
  const who = f.population ? ` (${f.population})` : '';
  return `${what}${who}, ${windowText(f.window, t, locale, f.relative)}`;
}

const REASONS: [RegExp, string][] = [
  [/empty/, 'reports.reasons.empty'],
  [/binary/, 'reports.reasons.binary'],
  [/no article text/, 'reports.reasons.noText'],
  [/not supported/, 'reports.reasons.language'],
  [/not English/, 'reports.reasons.notEnglish'],
  [/number\(s\) found/, 'reports.reasons.noSubject'],
  [/no figures or named people/, 'reports.reasons.nothing'],
];

/** Why a report gave nothing, in the user's language (the engine's own words when it is a new reason). */
export function reasonText(reason: string, t: TFunction): string {
  for (const [re, key] of REASONS) {
    if (!re.test(reason)) continue;
    const count = /(\d+) number/.exec(reason)?.[1];
    return count === undefined ? t(key) : t(key, { count: Number(count) });
  }
  return reason;
}

/** Why a number was not taken for a figure. */
export function skippedText(reason: string, t: TFunction): string {
  const noun = /counts "([^"]+)", not people/.exec(reason);
  if (noun) return t('reports.skippedNotPeople', { noun: noun[1] });
  if (/does not say/.test(reason)) return t('reports.skippedNoSubject');
  return reason;
}

/** Where the publication date came from and what its absence means, or null when it was given. */
export function datingText(x: ReportExtraction, t: TFunction): { text: string; open: boolean } | null {
  const d = x.dating;
  if (d?.source === 'given') return null;
  if (d?.source === 'page') return { text: t('reports.dating.page'), open: false };
  if (d?.source === 'text' && d.text)
    return {
      text: [t('reports.dating.text', { text: d.text }), d.note ? t('reports.dating.yearInferred') : '']
        .filter(Boolean)
        .join(' '),
      open: false,
    };
  if (x.published) return null;
  if (d?.text) return { text: t('reports.dating.noYear', { text: d.text }), open: true };
  return { text: t('reports.dating.none'), open: true };
}
