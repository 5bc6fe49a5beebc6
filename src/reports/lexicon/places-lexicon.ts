/**
 * Words of places and organisations: facility nouns with their kind, region nouns, the head nouns of
 * organisation names, known acronyms, and the framing terms sources use for the same events.
 */
import type { OrganizationMention, PlaceKind } from '../types.js';
import { PhraseMatcher } from '../text/phrases.js';

const FACILITIES: [string, PlaceKind][] = [
  ['steelworks', 'facility'],
  ['steel works', 'facility'],
  ['steel plant', 'facility'],
  ['steel mill', 'facility'],
  ['iron and steel works', 'facility'],
  ['metallurgical plant', 'facility'],
  ['metallurgical combine', 'facility'],
  ['metallurgical works', 'facility'],
  ['plant', 'facility'],
  ['factory', 'facility'],
  ['works', 'facility'],
  ['combine', 'facility'],
  ['mill', 'facility'],
  ['port', 'facility'],
  ['seaport', 'facility'],
  ['airport', 'facility'],
  ['school', 'facility'],
  ['theatre', 'facility'],
  ['theater', 'facility'],
  ['base', 'facility'],
  ['barracks', 'facility'],
  ['bunker', 'facility'],
  ['bunkers', 'facility'],
  ['shelter', 'facility'],
  ['church', 'facility'],
  ['monastery', 'facility'],
  ['hospital', 'hospital'],
  ['military hospital', 'hospital'],
  ['clinic', 'hospital'],
  ['medical facility', 'hospital'],
  ['medical institution', 'hospital'],
  ['morgue', 'hospital'],
  ['infirmary', 'hospital'],
  ['penal colony', 'detention'],
  ['correctional colony', 'detention'],
  ['colony', 'detention'],
  ['pre-trial detention centre', 'detention'],
  ['pre-trial detention center', 'detention'],
  ['pretrial detention centre', 'detention'],
  ['pretrial detention center', 'detention'],
  ['detention centre', 'detention'],
  ['detention center', 'detention'],
  ['detention facility', 'detention'],
  ['temporary detention facility', 'detention'],
  ['isolation ward', 'detention'],
  ['prison', 'detention'],
  ['jail', 'detention'],
  ['filtration camp', 'detention'],
  ['filtration point', 'detention'],
  ['camp', 'detention'],
  ['sizo', 'detention'],
  ['remand prison', 'detention'],
  ['prisoner of war camp', 'detention'],
  ['pow camp', 'detention'],
];

/** Facility nouns → kind, longest first. */
export const FACILITY_NOUNS = new PhraseMatcher<PlaceKind>(FACILITIES);

/** Nouns after a name that make it a settlement or a region ("Brovarske district"). */
export const PLACE_HEADS: ReadonlyMap<string, PlaceKind> = new Map([
  ['region', 'region'],
  ['oblast', 'region'],
  ['district', 'region'],
  ['province', 'region'],
  ['raion', 'region'],
  ['city', 'town'],
  ['town', 'town'],
  ['village', 'town'],
  ['settlement', 'town'],
  ['suburb', 'town'],
]);

/** Word endings typical of settlement names in the region the system serves first. */
export const TOWN_ENDINGS =
  /(sk|ske|ska|skyi|ivka|ivske|ovka|ivtsi|ove|ovo|eve|ino|yne|ine|pol|pil|polis|grad|hrad|gorod|horod|burg|ichi|ychi|yi|ka|ets|ytsia|ytsya|tsia|ia)$/;

/** Prepositions after which a capitalised word is usually a place. */
export const PLACE_PREPOSITIONS = new Set([
  'in',
  'to',
  'from',
  'near',
  'outside',
  'at',
  'into',
  'towards',
  'toward',
  'around',
  'via',
]);

/** Head nouns that make a capitalised phrase an organisation, with its kind. */
export const ORG_HEADS: ReadonlyMap<string, OrganizationMention['kind']> = new Map([
  ['ministry', 'ministry'],
  ['committee', 'humanitarian'],
  ['cross', 'humanitarian'],
  ['crescent', 'humanitarian'],
  ['nations', 'international'],
  ['office', 'government'],
  ['service', 'government'],
  ['staff', 'military'],
  ['headquarters', 'government'],
  ['agency', 'media'],
  ['council', 'government'],
  ['commission', 'international'],
  ['command', 'military'],
  ['mission', 'international'],
  ['government', 'government'],
  ['parliament', 'government'],
  ['police', 'government'],
  ['forces', 'military'],
  ['army', 'military'],
  ['navy', 'military'],
  ['ombudsman', 'government'],
  ['bureau', 'government'],
  ['directorate', 'military'],
  ['organization', 'other'],
  ['organisation', 'other'],
  ['federation', 'international'],
  ['union', 'international'],
  ['network', 'other'],
  ['fund', 'other'],
  ['prosecutor', 'government'],
  ["prosecutor's", 'government'],
  ['court', 'government'],
  ['guard', 'military'],
  ['kremlin', 'government'],
  ['secretariat', 'government'],
  ['ministries', 'ministry'],
]);

/** Known acronyms of organisations. */
export const ORG_ACRONYMS: ReadonlyMap<string, OrganizationMention['kind']> = new Map([
  ['ICRC', 'humanitarian'],
  ['IFRC', 'humanitarian'],
  ['MSF', 'humanitarian'],
  ['UN', 'international'],
  ['OSCE', 'international'],
  ['UNHCR', 'international'],
  ['OHCHR', 'international'],
  ['HRMMU', 'international'],
  ['NATO', 'international'],
  ['EU', 'international'],
  ['ICC', 'international'],
  ['IAEA', 'international'],
  ['SBU', 'government'],
  ['FSB', 'government'],
  ['GUR', 'military'],
  ['HUR', 'military'],
  ['MoD', 'ministry'],
  ['UNICEF', 'international'],
  ['WHO', 'international'],
  ['HRW', 'humanitarian'],
  ['OCHA', 'international'],
]);

/** Organisation names that have no head noun. */
export const ORG_NAMES: ReadonlyMap<string, OrganizationMention['kind']> = new Map([
  ['red cross', 'humanitarian'],
  ['doctors without borders', 'humanitarian'],
  ['amnesty international', 'humanitarian'],
  ['human rights watch', 'humanitarian'],
  ['general staff', 'military'],
  ['armed forces', 'military'],
  ['national guard', 'military'],
  ['caritas', 'humanitarian'],
]);

const FRAMING: [string, string, string[]][] = [
  [
    'departure',
    'surrender',
    [
      'surrender',
      'surrendered',
      'surrendering',
      'capitulation',
      'capitulated',
      'laid down their arms',
      'laid down arms',
      'gave themselves up',
    ],
  ],
  ['departure', 'evacuation', ['evacuation', 'evacuated', 'evacuate', 'evacuating']],
  [
    'departure',
    'mission completed',
    [
      'mission completed',
      'completed their combat mission',
      'completed their mission',
      'combat mission completed',
      'fulfilled their combat mission',
      'fulfilled their mission',
      'combat mission',
      'completed the combat mission',
      'completed the mission',
    ],
  ],
  ['departure', 'rescue', ['rescue operation', 'rescued', 'rescue mission']],
  ['departure', 'withdrawal', ['withdrawal', 'withdrew', 'pulled out']],
  ['custody', 'prisoners of war', ['prisoners of war', 'prisoner of war', 'pows', 'pow']],
  ['custody', 'captured', ['captured', 'captives', 'captivity', 'taken prisoner', 'taken into captivity']],
  ['custody', 'detained', ['detained', 'detainees', 'detention']],
  ['custody', 'hostages', ['hostages', 'hostage']],
  ['custody', 'internment', ['interned', 'internment', 'internees']],
  ['fighters', 'defenders', ['defenders', 'defender']],
  ['fighters', 'heroes', ['heroes', 'hero']],
  ['fighters', 'militants', ['militants', 'militant']],
  ['fighters', 'nationalists', ['nationalists', 'nationalist', 'neo-nazis', 'nazis']],
  ['fighters', 'terrorists', ['terrorists', 'terrorist']],
  ['fighters', 'mercenaries', ['mercenaries']],
  ['fighters', 'servicemen', ['servicemen', 'service members', 'soldiers', 'troops']],
  ['fighters', 'fighters', ['fighters']],
  ['site', 'siege', ['siege', 'besieged', 'encircled', 'encirclement', 'blockade', 'blockaded']],
  ['site', 'liberation', ['liberated', 'liberation', 'cleared', 'mopped up']],
  ['exchange', 'exchange', ['exchange', 'exchanged', 'swap', 'swapped']],
  ['exchange', 'return home', ['returned home', 'brought home', 'came home', 'homecoming']],
];

/** Framing terms → [concept, canonical term]. */
export const FRAMING_TERMS = new PhraseMatcher<readonly [string, string]>(
  FRAMING.flatMap(([concept, term, forms]) => forms.map((f) => [f, [concept, term] as const] as const)),
);
