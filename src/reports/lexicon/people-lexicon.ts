/**
 * Words of the person grammar: ranks (with abbreviations), roles, sides, unit nouns, and a list of
 * given names in their common romanisations, used only as one clue among several that a capitalised
 * pair of words is a person (titles, ages and speech verbs are the others).
 */
import { PhraseMatcher } from '../text/phrases.js';

const RANKS: Record<string, string[]> = {
  'army general': ['army general', 'general of the army'],
  'colonel general': ['colonel general', 'colonel-general', 'col. gen.', 'col gen'],
  'lieutenant general': [
    'lieutenant general',
    'lieutenant-general',
    'lt. gen.',
    'lt gen',
    'lt.-gen.',
    'lt-gen',
  ],
  'major general': ['major general', 'major-general', 'maj. gen.', 'maj gen', 'maj.-gen.'],
  'brigadier general': ['brigadier general', 'brig. gen.', 'brig gen', 'brigadier'],
  general: ['general', 'gen.'],
  'lieutenant colonel': [
    'lieutenant colonel',
    'lieutenant-colonel',
    'lt. col.',
    'lt col',
    'lt.-col.',
    'lt-col',
    'lieut. col.',
  ],
  colonel: ['colonel', 'col.'],
  major: ['major', 'maj.'],
  captain: ['captain', 'capt.', 'capt', 'cpt.'],
  'captain first rank': ['captain first rank', 'captain of the first rank', 'captain 1st rank'],
  'captain second rank': ['captain second rank', 'captain of the second rank', 'captain 2nd rank'],
  'captain third rank': ['captain third rank', 'captain of the third rank', 'captain 3rd rank'],
  'senior lieutenant': ['senior lieutenant', 'senior lt.', 'first lieutenant', '1st lt.'],
  'junior lieutenant': ['junior lieutenant', 'second lieutenant', '2nd lt.'],
  lieutenant: ['lieutenant', 'lt.', 'lieut.'],
  'chief warrant officer': ['chief warrant officer'],
  'senior warrant officer': ['senior warrant officer', 'senior ensign'],
  'warrant officer': ['warrant officer', 'ensign', 'praporshchik'],
  'chief sergeant': ['chief sergeant', 'master sergeant', 'chief master sergeant'],
  'staff sergeant': ['staff sergeant', 'staff sgt.'],
  'senior sergeant': ['senior sergeant', 'senior sgt.'],
  'junior sergeant': ['junior sergeant', 'junior sgt.', 'lance sergeant'],
  sergeant: ['sergeant', 'sgt.', 'sgt'],
  'lance corporal': ['lance corporal', 'lance cpl.'],
  corporal: ['corporal', 'cpl.'],
  'senior soldier': ['senior soldier', 'private first class', 'pfc.'],
  private: ['private', 'pte.', 'pvt.'],
  'senior seaman': ['senior seaman', 'senior sailor'],
  seaman: ['seaman'],
  admiral: ['admiral', 'adm.'],
  'vice admiral': ['vice admiral', 'vice-admiral', 'vice adm.'],
  'rear admiral': ['rear admiral', 'rear-admiral', 'rear adm.'],
};

/** Rank phrases → canonical rank. */
export const RANK_CUES = new PhraseMatcher<string>(
  Object.entries(RANKS).flatMap(([rank, forms]) =>
    forms.flatMap((f) => splitDots(f).map((g) => [g, rank] as const)),
  ),
);

/** "lt. col." is tokenized as "lt." "col."; both dotted and bare forms are indexed. */
function splitDots(form: string): string[] {
  return [form, form.replace(/\.-/g, '. ')].filter((v, i, a) => a.indexOf(v) === i);
}

const ROLES = [
  'deputy commander',
  'battalion commander',
  'regiment commander',
  'brigade commander',
  'company commander',
  'platoon commander',
  'unit commander',
  'commander in chief',
  'commander-in-chief',
  'commander',
  'chief of staff',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'press secretary',
  'press officer',
  'combat medic',
  'medic',
  'doctor',
  'surgeon',
  'nurse',
  'paramedic',
  'chaplain',
  'journalist',
  'photographer',
  'driver',
  'sniper',
  'mayor',
  'deputy mayor',
  'governor',
  'ombudsman',
  'ombudswoman',
  'human rights commissioner',
  'commissioner',
  'deputy minister',
  'defence minister',
  'defense minister',
  'minister',
  'deputy head',
  'head',
  'leader',
  'pilot',
  'gunner',
  'scout',
  'engineer',
  'lawyer',
  'negotiator',
  'chief',
  'deputy',
  'official',
  'representative',
  'volunteer',
  'border guard',
  'marine',
  'soldier',
  'fighter',
  'serviceman',
  'servicewoman',
  'policeman',
  'police officer',
  'officer',
  'mother',
  'father',
  'wife',
  'husband',
  'son',
  'daughter',
  'brother',
  'sister',
  'teacher',
  'cook',
  'mechanic',
  'operator',
];

/** Role phrases → canonical role. */
export const ROLE_CUES = new PhraseMatcher<string>(ROLES.map((r) => [r, r.replace('-', ' ')] as const));

/** Demonyms that say which side a person or unit is on. */
export const SIDES: ReadonlyMap<string, string> = new Map([
  ['ukrainian', 'Ukrainian'],
  ['russian', 'Russian'],
  ['belarusian', 'Belarusian'],
  ['chechen', 'Chechen'],
  ['georgian', 'Georgian'],
  ['moldovan', 'Moldovan'],
  ['polish', 'Polish'],
  ['british', 'British'],
  ['american', 'American'],
  ['syrian', 'Syrian'],
  ['armenian', 'Armenian'],
  ['azerbaijani', 'Azerbaijani'],
  ['israeli', 'Israeli'],
  ['palestinian', 'Palestinian'],
  ['sudanese', 'Sudanese'],
  ['ethiopian', 'Ethiopian'],
  ['tigrayan', 'Tigrayan'],
  ['separatist', 'separatist'],
  ['pro-russian', 'pro-Russian'],
  ['pro-ukrainian', 'pro-Ukrainian'],
]);

/** Nouns that end a military unit's name ("36th Marine Brigade", "Azov regiment"). */
export const UNIT_NOUNS = new Set([
  'brigade',
  'regiment',
  'battalion',
  'division',
  'company',
  'platoon',
  'detachment',
  'corps',
  'squadron',
  'unit',
  'battery',
  'squad',
  'legion',
  'group',
  'army',
  'fleet',
  'flotilla',
  'guard',
]);

/** Capitalised words that never start or form a person's name. */
export const NOT_NAME = new Set(
  `the a an he she they it we i his her their this that these those on in at by from to of and but since according as
after before during over among including however meanwhile also earlier later yesterday today tomorrow monday tuesday
wednesday thursday friday saturday sunday january february march april may june july august september october
november december president minister ministry defence defense ukrainian russian red cross united nations national
guard general staff armed forces army navy telegram facebook twitter mr mrs ms dr st he's she's there here when where
what who why how if while though although then so our your my its not no yes all some many most one two three
photo video reuters update updated read follow share subscribe news agency office service committee council
region oblast district city town village plant steelworks colony prison hospital centre center camp republic people's
international european union olympic north south east west eastern western northern southern central
kyiv moscow mr. mrs. dr. sir madam lord lady saint god allah jesus christ`.split(/\s+/),
);

/** Given names in common romanisations (Ukrainian, Russian, Belarusian, a few English). */
export const GIVEN_NAMES = new Set(
  `oleksandr olexandr oleksander aleksandr alexander alexandr alexandre sasha andriy andrii andrey andrei andrew
artem artyom artur bohdan bogdan borys boris danylo danilo daniil daniel denys denis dmytro dmitry dmitri dmitriy
dmytryi yevhen yevgeny evgeny evgeniy eugene fedir fyodor fedor hennadiy gennady gennadiy hryhoriy grigory grigoriy
ihor igor illia ilya illya ivan kyrylo kirill kostiantyn kostyantyn konstantin leonid maksym maxim maksim max
mykhailo mikhail mykhaylo michael mykola nikolai nikolay nicholas oleh oleg oleksiy oleksii alexei aleksei alexey
pavlo pavel paul petro pyotr petr peter roman ruslan serhiy serhii sergei sergey sergiy stanislav stepan svyatoslav
sviatoslav taras vadym vadim valentyn valentin valeriy valery vasyl vasily vasiliy viktor victor vitaliy vitaly
vitalii volodymyr vladimir vladyslav vladislav yaroslav yuriy yuri yury yurii zakhar anatoliy anatoly arsen arseniy
dmytro heorhiy georgy georgiy yosyp iosif nazar orest ostap rostyslav rostislav semen semyon tymofiy timofey tymur
timur vsevolod yakiv yakov yan zinoviy myroslav miroslav oleksa lev anton antin kyrylo matviy matvey hlib gleb
anna hanna olha olga olena elena yelena iryna irina kateryna ekaterina yekaterina katerina maria mariya mariia
nataliya natalia natalya nadiya nadezhda oksana svitlana svetlana tetiana tetyana tatiana tatyana yulia yuliya
julia viktoriya viktoria victoria valentyna valentina lyudmyla lyudmila liudmyla larysa larisa halyna galina
inna alla daria darya dariya sofia sofiya khrystyna kristina marina maryna lesia lesya zoya zoriana vira vera
liubov lyubov nina raisa ruslana alina polina veronika ulyana uliana yana ivanna solomiya myroslava roksolana
john james robert william david richard thomas mark george paul jan piotr tomasz pawel jakub krzysztof`.split(
    /\s+/,
  ),
);
