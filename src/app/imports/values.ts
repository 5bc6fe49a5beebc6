/**
 * Cell values as lists write them, read into registry values: sex, status words (English, Ukrainian,
 * Russian) and ages. Pure; unknown words give null so the caller can reject the row with its column.
 */
import type { EventKind } from '../../domain/index.js';

/** Lower case, ё → е, apostrophes dropped, other punctuation as spaces. */
export function fold(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const SEX: Record<string, 'male' | 'female' | 'other' | 'unknown'> = {};
for (const w of ['m', 'male', 'man', 'м', 'ч', 'чол', 'чоловіча', 'чоловік', 'муж', 'мужской', 'мужчина'])
  SEX[w] = 'male';
for (const w of ['f', 'female', 'woman', 'ж', 'жін', 'жіноча', 'жінка', 'жен', 'женский', 'женщина'])
  SEX[w] = 'female';
for (const w of ['other', 'x', 'інша', 'другой']) SEX[w] = 'other';
for (const w of ['unknown', 'u', 'невідомо', 'неизвестно']) SEX[w] = 'unknown';

/** The sex a cell names, or null when it names none. */
export function readSex(cell: string): 'male' | 'female' | 'other' | 'unknown' | null {
  return SEX[fold(cell)] ?? null;
}

// Phrases per event kind, folded. Longer phrases are tried first so "зник безвісти" beats "зник".
// prettier-ignore
const STATUS_PHRASES: Record<EventKind, string[]> = {
  surrendered: ['surrendered', 'surrender', 'здався', 'здалася', 'здался', 'сдался', 'сдалась'],
  captured: ['captured', 'captivity', 'in captivity', 'pow', 'prisoner', 'prisoner of war', 'detained',
    'полон', 'у полоні', 'в полоні', 'полонений', 'полонена', 'військовополонений', 'затриманий',
    'в плену', 'плен', 'пленный', 'взят в плен', 'военнопленный', 'задержан'],
  evacuated: ['evacuated', 'evacuation', 'евакуйований', 'евакуйована', 'евакуація', 'эвакуирован', 'эвакуация'],
  wounded: ['wounded', 'injured', 'поранений', 'поранена', 'ранений', 'ранен', 'ранена', 'раненый'],
  hospitalised: ['hospitalised', 'hospitalized', 'in hospital', 'hospital', 'госпіталізований', 'госпіталь',
    'лікарня', 'госпитализирован', 'госпиталь', 'больница'],
  interned: ['interned', 'internment', 'інтернований', 'интернирован'],
  transferred: ['transferred', 'transfer', 'переведений', 'переведена', 'етапований', 'переведен', 'этапирован'],
  visited: ['visited', 'visit', 'відвіданий', 'посещен'],
  tried: ['tried', 'on trial', 'суд', 'під судом', 'под судом'],
  sentenced: ['sentenced', 'convicted', 'засуджений', 'осуджен', 'осужден'],
  released: ['released', 'freed', 'звільнений', 'звільнена', 'освобожден', 'освобождена'],
  exchanged: ['exchanged', 'exchange', 'обмін', 'обміняний', 'обміняна', 'обменян', 'обмен'],
  repatriated: ['repatriated', 'репатрійований', 'репатриирован'],
  escaped: ['escaped', 'втік', 'втекла', 'бежал', 'сбежал'],
  died: ['died', 'dead', 'deceased', 'killed', 'kia', 'загинув', 'загинула', 'помер', 'померла', 'загиблий',
    'погиб', 'погибла', 'умер', 'умерла', 'убит', 'погибший', 'believed dead'],
  missing: ['missing', 'mia', 'missing in action', 'зник безвісти', 'зникла безвісти', 'зниклий безвісти',
    'безвісти відсутній', 'пропал без вести', 'пропала без вести', 'пропавший без вести', 'believed missing'],
  sighted: ['sighted', 'seen', 'alive', 'believed alive', 'бачили', 'живий', 'видели', 'жив'],
  contact_restored: ['contact restored', 'in contact', 'found', 'звязок відновлено', 'на звязку',
    'связь восстановлена', 'на связи'],
};

const STATUS_INDEX: ReadonlyArray<readonly [string, EventKind]> = (
  Object.entries(STATUS_PHRASES) as [EventKind, string[]][]
)
  .flatMap(([kind, phrases]) => phrases.map((p) => [fold(p), kind] as const))
  .sort((a, b) => b[0].length - a[0].length);
const STATUS_EXACT = new Map(STATUS_INDEX);

/** The event kind a status cell names (exact phrase, else the longest phrase inside it), or null. */
export function readStatus(cell: string): EventKind | null {
  const f = fold(cell);
  if (f === '') return null;
  const exact = STATUS_EXACT.get(f);
  if (exact) return exact;
  const padded = ` ${f} `;
  for (const [phrase, kind] of STATUS_INDEX) if (padded.includes(` ${phrase} `)) return kind;
  return null;
}

/** Whole years 0–130 ("34", "34 роки", "34 y"), or null. */
export function readAge(cell: string): number | null {
  const m = /^(\d{1,3})(?:\s*\p{L}*\.?)?$/u.exec(cell.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n <= 130 ? n : null;
}
