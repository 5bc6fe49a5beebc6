/**
 * Words of the figures grammar: what a count can be counted as (category), who was counted
 * (population), how a claim is hedged, how speech is attributed. Forms include the calques of machine
 * translation ("heavy wounded", "in quantity", "taken into captivity").
 */
import type { FigureCategory } from '../types.js';
import { PhraseMatcher } from '../text/phrases.js';

const CATEGORY_FORMS: Record<FigureCategory, string[]> = {
  surrendered: [
    'surrender',
    'surrendered',
    'surrendering',
    'surrenders',
    'laid down their arms',
    'laid down arms',
    'lay down their arms',
    'laying down their arms',
    'laid down their weapons',
    'gave themselves up',
    'gave up',
    'give themselves up',
    'capitulated',
    'capitulation',
    'handed themselves over',
    'surrendered themselves',
    'surrendered into captivity',
  ],
  captured: [
    'captured',
    'capture',
    'taken prisoner',
    'taken captive',
    'taken into captivity',
    'in captivity',
    'fell into captivity',
    'were taken prisoner',
    'held captive',
    'held prisoner',
    'imprisoned',
    'prisoners of war',
    'pows',
    'captives',
    'taken in captivity',
    'got into captivity',
  ],
  evacuated: [
    'evacuated',
    'evacuation',
    'evacuate',
    'evacuating',
    'brought out',
    'taken out',
    'rescued',
    'withdrawn',
    'pulled out',
    'led out',
  ],
  wounded: ['wounded', 'injured', 'sustained injuries', 'hurt', 'injuries', 'wounds', 'wounding'],
  'seriously wounded': [
    'seriously wounded',
    'severely wounded',
    'gravely wounded',
    'badly wounded',
    'heavily wounded',
    'critically wounded',
    'seriously injured',
    'severely injured',
    'gravely injured',
    'badly injured',
    'heavily injured',
    'critically injured',
    'heavy wounded',
    'severe wounded',
    'heavy injured',
    'serious injuries',
    'severe injuries',
    'grave injuries',
    'heavy wounds',
    'severe wounds',
    'serious wounds',
    'in serious condition',
    'in critical condition',
    'in grave condition',
    'seriously ill',
  ],
  killed: ['killed', 'killed in action', 'slain', 'shot dead', 'executed', 'were killed', 'murdered'],
  dead: [
    'dead',
    'died',
    'deaths',
    'death',
    'lost their lives',
    'perished',
    'bodies',
    'fatalities',
    'death toll',
    'deceased',
    'bodies of',
    'remains',
    'the dead',
  ],
  detained: [
    'detained',
    'detention',
    'arrested',
    'being held',
    'are held',
    'were held',
    'is held',
    'was held',
    'is being held',
    'are being held',
    'are kept',
    'is kept',
    'held in',
    'held at',
    'held in custody',
    'in custody',
    'taken into custody',
    'interned',
    'internment',
    'detainees',
  ],
  released: [
    'released',
    'release',
    'freed',
    'set free',
    'let go',
    'returned from captivity',
    'returned home',
    'repatriated',
  ],
  exchanged: [
    'exchanged',
    'exchange',
    'swapped',
    'swap',
    'prisoner swap',
    'prisoner exchange',
    'were exchanged',
    'traded',
  ],
  missing: [
    'missing',
    'unaccounted for',
    'went missing',
    'disappeared',
    'whereabouts are unknown',
    'whereabouts unknown',
    'lost contact',
    'missing in action',
    'fate unknown',
    'fate is unknown',
    'fate remains unknown',
    'whereabouts remain unknown',
    'whereabouts remained unknown',
  ],
  transferred: [
    'transferred',
    'transfer',
    'moved to',
    'taken to',
    'transported',
    'sent to',
    'relocated',
    'brought to',
    'delivered to',
    'handed over',
    'were moved',
    'taken away to',
    'transferred to',
  ],
};

/** Category cues, longest first at each position. */
export const CATEGORY_CUES = new PhraseMatcher<FigureCategory>(
  Object.entries(CATEGORY_FORMS).flatMap(([cat, forms]) =>
    forms.map((f) => [f, cat as FigureCategory] as const),
  ),
);

/** Adjectives that make a count a category on their own ("80 wounded", "12 dead"). */
export const CATEGORY_ADJECTIVES: ReadonlyMap<string, FigureCategory> = new Map([
  ['wounded', 'wounded'],
  ['injured', 'wounded'],
  ['dead', 'dead'],
  ['killed', 'killed'],
  ['missing', 'missing'],
  ['captured', 'captured'],
  ['detained', 'detained'],
  ['released', 'released'],
  ['evacuated', 'evacuated'],
  ['exchanged', 'exchanged'],
  ['surrendered', 'surrendered'],
  ['transferred', 'transferred'],
]);

/** Words that turn "wounded" into "seriously wounded" when they qualify the count. */
export const SEVERITY = new Set([
  'seriously',
  'severely',
  'gravely',
  'badly',
  'heavily',
  'critically',
  'heavy',
  'severe',
  'serious',
  'grave',
]);

const POPULATION_FORMS: Record<string, string[]> = {
  fighters: ['fighter', 'fighters'],
  soldiers: ['soldier', 'soldiers'],
  servicemen: [
    'serviceman',
    'servicemen',
    'servicewomen',
    'service members',
    'service member',
    'servicemembers',
    'service personnel',
    'military personnel',
    'military',
    'militaries',
    'military men',
    'soldiers and officers',
  ],
  troops: ['troops'],
  defenders: ['defender', 'defenders'],
  marines: ['marine', 'marines'],
  civilians: [
    'civilian',
    'civilians',
    'civil residents',
    'peaceful residents',
    'peaceful citizens',
    'residents',
    'civilian residents',
    'inhabitants',
  ],
  militants: ['militant', 'militants'],
  nationalists: ['nationalist', 'nationalists', 'neo-nazis', 'nazis'],
  combatants: ['combatant', 'combatants'],
  guardsmen: ['guardsmen', 'guardsman', 'national guardsmen'],
  'border guards': ['border guards', 'border guard', 'border guardsmen'],
  'police officers': ['police officers', 'policemen', 'police officer', 'policeman', 'police'],
  medics: ['medics', 'medical workers', 'medical staff', 'doctors', 'nurses', 'paramedics', 'medic'],
  'prisoners of war': ['prisoners of war', 'pows', 'pow', 'prisoner of war', 'war prisoners'],
  prisoners: ['prisoners', 'prisoner', 'captives', 'captive'],
  hostages: ['hostages'],
  detainees: ['detainees', 'detainee'],
  children: ['children', 'child', 'minors', 'kids'],
  women: ['women', 'woman'],
  men: ['men'],
  people: ['people', 'persons', 'person', 'individuals', 'humans', 'citizens', 'souls'],
  volunteers: ['volunteers'],
  mercenaries: ['mercenaries', 'foreign mercenaries', 'foreigners'],
  personnel: ['personnel', 'crew members', 'sailors', 'crew'],
  paratroopers: ['paratroopers'],
  officers: ['officers', 'commanders', 'officer'],
};

/** Population nouns, canonical plural as value. */
export const POPULATION_NOUNS = new PhraseMatcher<string>(
  Object.entries(POPULATION_FORMS).flatMap(([pop, forms]) => forms.map((f) => [f, pop] as const)),
);

/** Populations that imply a category when no other cue is present ("300 prisoners of war"). */
export const POPULATION_CATEGORY: ReadonlyMap<string, FigureCategory> = new Map([
  ['prisoners of war', 'captured'],
  ['prisoners', 'captured'],
  ['hostages', 'captured'],
  ['detainees', 'detained'],
]);

/** Which populations can stand for one another when figures are compared. */
export function populationClass(pop: string | null): 'military' | 'civilian' | 'any' {
  if (pop === null) return 'any';
  if (['civilians', 'children', 'women'].includes(pop)) return 'civilian';
  if (
    [
      'people',
      'men',
      'prisoners',
      'prisoners of war',
      'hostages',
      'detainees',
      'medics',
      'captives',
    ].includes(pop)
  )
    return 'any';
  return 'military';
}

/** Phrases that mark a claim as hedged: the source does not vouch for it. */
export const HEDGES = new PhraseMatcher<true>(
  [
    'reportedly',
    'allegedly',
    'purportedly',
    'supposedly',
    'apparently',
    'unconfirmed',
    'not confirmed',
    'could not be verified',
    'could not be independently verified',
    'has not been verified',
    'have not been verified',
    'not been independently verified',
    'could not independently verify',
    'could not immediately verify',
    'cannot be verified',
    'unverified',
    'not verified',
    'not independently verified',
    'claimed',
    'claims',
    'claim',
    'said to',
    'believed to',
    'thought to',
    'rumoured',
    'rumored',
    'rumours',
    'rumors',
    'possibly',
    'may have',
    'might have',
    'presumably',
    'unclear',
    'not clear',
    'declined to comment',
    'refused to comment',
    'did not comment',
    'would not comment',
    'no comment',
    'did not respond',
    'no confirmation',
    'unofficial',
    'unofficially',
    'denied',
    'denies',
    'is said',
    'are said',
    'were said',
    'was said to',
    'according to unconfirmed',
    'it is not known',
    'not known',
    'unknown whether',
    'likely',
    'could not be confirmed',
    'could not be independently confirmed',
    'not independently confirmed',
    'has not been confirmed',
    'have not been confirmed',
    'unable to verify',
    'unable to confirm',
    'could not confirm',
    'could not verify',
    'cannot be confirmed',
    'cannot be independently verified',
  ].map((p) => [p, true] as const),
);

/** Speech and report verbs for attribution. */
export const SPEECH_VERBS = new Set(
  'said says say told tells reported reports announced announces stated states claimed claims wrote writes added adds confirmed confirms noted notes declared declares informed informs posted posts published quoted cited explained explains insisted insists acknowledged admitted alleged alleges estimated estimates specified clarified emphasized emphasised stressed assured'.split(
    ' ',
  ),
);

/** Words that mark a count as a further amount on top of an earlier one ("771 more"). */
export const MORE_WORDS = new Set(['more', 'another', 'further', 'additional', 'other']);

/** Words that put a count inside an earlier total ("including 80 wounded", "of them 51"). */
export const INCLUSION = new PhraseMatcher<'list' | 'of-them'>([
  ['including', 'list'],
  ['included', 'list'],
  ['among them', 'list'],
  ['among whom', 'list'],
  ['among those', 'list'],
  ['among these', 'list'],
  ['among which', 'list'],
  ['of them', 'of-them'],
  ['of whom', 'of-them'],
  ['of which', 'of-them'],
  ['of these', 'of-them'],
  ['of those', 'of-them'],
  ['out of them', 'of-them'],
  ['incl', 'list'],
  ['incl.', 'list'],
  ['in particular', 'list'],
]);

/** Nouns after a number that show it is not a head count (durations, measures, identifiers). */
export const NON_COUNT_NEXT = new Set(
  "hour hours day days week weeks month months year years minute minutes second seconds night nights km kilometres kilometers kilometre kilometer miles mile metres meters metre meter percent per % pm am a.m. p.m. o'clock hryvnias hryvnia rubles roubles dollars euros tonnes tons kg times th st nd rd storey floors floor".split(
    ' ',
  ),
);

/** Nouns before a number that show it is an identifier ("Colony No. 120", "Article 438", "Brigade 36"). */
export const ID_BEFORE = new Set(
  'no no. nr nr. number № article part section paragraph page colony brigade regiment battalion unit division corps building block route highway bus flight case decree resolution law item point cell room ward apartment house street'.split(
    ' ',
  ),
);
