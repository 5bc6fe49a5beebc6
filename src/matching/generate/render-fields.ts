/**
 * How each kind of source writes places, ranks, units and service numbers: in its own language and
 * script, with the variations a clerk or a reporter would produce.
 */
import { rankByUk, russianPlaceName, unitKindByUk } from './data.js';
import { mix32 } from './prng.js';
import type { Rng } from './prng.js';
import { romanise } from './romanise.js';
import type { SourceStyle } from './styles.js';
import type { PlaceRef, UnitRef } from './types.js';

/**
 * Romanises a place's Ukrainian (or, with `russian`, its Russian) form. English-language sources
 * write places by the official national system (Kyiv, Zaporizhzhia) even when they spell people's
 * names the popular way.
 */
function latin(style: SourceStyle, uk: string, russian: boolean): string {
  const convention = style.language === 'en' || !style.convention ? 'ua-national-2010' : style.convention;
  return russian
    ? romanise(russianPlaceName.get(uk) ?? uk, convention, 'ru')
    : romanise(uk, convention, 'uk');
}

const REGION_WORD: Readonly<Record<SourceStyle['language'], (oblast: string) => string>> = {
  uk: (o) => `${o} обл.`,
  ru: (o) => `${o} обл.`,
  en: (o) => `${o} oblast`,
  de: (o) => `Oblast ${o}`,
  fr: (o) => `oblast de ${o}`,
  pl: (o) => `obwód ${o}`,
};

/** A place as the source writes it: "м. Харків", "г. Харьков", "Petrivka, Kharkivska oblast". */
export function renderPlace(place: PlaceRef, style: SourceStyle, rng: Rng, russian: boolean): string {
  const withOblast = rng.chance(place.kind === 'village' ? 0.6 : 0.1);
  if (style.convention === null) {
    const ru = style.language === 'ru';
    const name = ru ? (russianPlaceName.get(place.name) ?? place.name) : place.name;
    const oblast = ru ? (russianPlaceName.get(place.oblast) ?? place.oblast) : place.oblast;
    const prefix = place.kind === 'village' ? 'с. ' : rng.chance(0.65) ? (ru ? 'г. ' : 'м. ') : '';
    return `${prefix}${name}${withOblast ? `, ${REGION_WORD[style.language](oblast)}` : ''}`;
  }
  const name = latin(style, place.name, russian);
  if (!withOblast) return name;
  return `${name}, ${REGION_WORD[style.language](latin(style, place.oblast, russian))}`;
}

/** A rank in the source's language. */
export function renderRank(rank: string, style: SourceStyle): string {
  const r = rankByUk.get(rank);
  return r ? r[style.language] : '';
}

function ordinal(n: number, language: SourceStyle['language']): string {
  switch (language) {
    case 'en': {
      const tens = n % 100;
      const suffix =
        tens >= 11 && tens <= 13
          ? 'th'
          : n % 10 === 1
            ? 'st'
            : n % 10 === 2
              ? 'nd'
              : n % 10 === 3
                ? 'rd'
                : 'th';
      return `${n}${suffix}`;
    }
    case 'fr':
      return n === 1 ? '1re' : `${n}e`;
    case 'ru':
      return `${n}-я`;
    case 'uk':
      return String(n);
    default:
      return `${n}.`;
  }
}

/** The military unit code (в/ч А1234) a unit keeps in every list; derived from kind and number. */
export function unitCode(unit: UnitRef): string {
  const index = unitKindByUk.get(unit.kind)?.index ?? 0;
  return `А${1000 + (mix32(0x756e6974, index, unit.number) % 9000)}`;
}

/** A unit in words ("36th Separate Marine Brigade"), abbreviated ("36 ОБрМП") or by its code. */
export function renderUnit(unit: UnitRef | null, style: SourceStyle, rng: Rng): string {
  if (!unit) return '';
  const kind = unitKindByUk.get(unit.kind)?.kind;
  if (!kind) return '';
  const lang = style.language;
  if (lang === 'uk' || lang === 'ru') {
    const roll = rng.next();
    if (roll < 0.1) return `в/ч ${unitCode(unit)}`;
    if (roll < 0.5) return `${unit.number} ${lang === 'uk' ? kind.ukAbbr : kind.ruAbbr}`;
    return `${ordinal(unit.number, lang)} ${kind[lang]}`;
  }
  return `${ordinal(unit.number, lang)} ${kind[lang]}`;
}

const LATIN_LETTER: Readonly<Record<string, string>> = { А: 'A', Е: 'E', К: 'K', М: 'M', О: 'O', Т: 'T' };

/** A service number, with or without its dash, in the source's script. */
export function renderServiceNumber(number: string, style: SourceStyle, rng: Rng): string {
  if (!number) return '';
  let out = rng.chance(0.3) ? number.replace('-', '') : number;
  if (style.convention !== null) out = (LATIN_LETTER[out[0] as string] ?? out[0]) + out.slice(1);
  return out;
}
