/**
 * Maps CSV headers to field types when no --field is given. Aliases cover English, Ukrainian and
 * Russian headers and the column names of FEBRL and Splink's example data. Several columns may map
 * to one type (address_1 and address_2); their values are joined with a space.
 */
import type { FieldType } from './field-types.js';

const ALIASES: Record<FieldType, readonly string[]> = {
  full_name: [
    'name',
    'full_name',
    'fullname',
    'person',
    'person_name',
    'піб',
    'прізвище_ім_я_по_батькові',
    'фіо',
    'фио',
    'фамилия_имя_отчество',
    'ф_и_о',
    'п_і_б',
  ],
  given_name: [
    'given_name',
    'first_name',
    'firstname',
    'forename',
    'given',
    'first',
    'name_first',
    'fname',
    'first_nm',
    'forenames',
    'given_names',
    'givenname',
    'ім_я',
    'імя',
    'имя',
  ],
  family_name: [
    'family_name',
    'surname',
    'last_name',
    'lastname',
    'family',
    'name_last',
    'lname',
    'last_nm',
    'familyname',
    'прізвище',
    'фамилия',
  ],
  patronymic: [
    'patronymic',
    'patronym',
    'по_батькові',
    'отчество',
    'middle_name',
    'middle_names',
    'middle',
    'midl_name',
    'mname',
    'middle_initial',
  ],
  date_of_birth: [
    'date_of_birth',
    'dob',
    'birth_date',
    'birthdate',
    'born',
    'дата_народження',
    'дата_рождения',
    'д_н',
    'народився',
    'родился',
  ],
  year_of_birth: ['year_of_birth', 'birth_year', 'yob', 'рік_народження', 'год_рождения', 'р_н', 'г_р'],
  age: ['age', 'вік', 'возраст'],
  sex: ['sex', 'gender', 'стать', 'пол'],
  place_of_birth: [
    'place_of_birth',
    'birthplace',
    'birth_place',
    'pob',
    'місце_народження',
    'место_рождения',
  ],
  address: [
    'address',
    'address_1',
    'address_2',
    'address1',
    'address2',
    'street',
    'street_address',
    'адреса',
    'адрес',
    'вулиця',
    'улица',
    'місце_проживання',
    'место_жительства',
  ],
  street_number: ['street_number', 'house_number', 'номер_будинку', 'номер_дома', 'будинок', 'дом'],
  city: [
    'city',
    'suburb',
    'town',
    'locality',
    'settlement',
    'village',
    'місто',
    'город',
    'населений_пункт',
    'населенный_пункт',
  ],
  region: ['region', 'state', 'province', 'oblast', 'county', 'область', 'регіон', 'регион'],
  postcode: [
    'postcode',
    'zip',
    'zipcode',
    'zip_code',
    'postal_code',
    'post_code',
    'індекс',
    'поштовий_індекс',
    'индекс',
    'почтовый_индекс',
  ],
  country: ['country', 'країна', 'страна', 'громадянство', 'гражданство', 'citizenship', 'nationality'],
  id_number: [
    'id_number',
    'soc_sec_id',
    'ssn',
    'national_id',
    'passport',
    'passport_number',
    'document_number',
    'паспорт',
    'рнокпп',
    'іпн',
    'инн',
    'номер_документа',
  ],
  service_number: [
    'service_number',
    'military_id',
    'personal_number',
    'service_no',
    'особовий_номер',
    'жетон',
    'личный_номер',
    'військовий_квиток',
    'военный_билет',
  ],
  rank: ['rank', 'military_rank', 'звання', 'звание', 'військове_звання', 'воинское_звание'],
  unit: ['unit', 'military_unit', 'військова_частина', 'воинская_часть', 'підрозділ', 'подразделение', 'в_ч'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'phone_number', 'телефон', 'тел'],
  email: ['email', 'e_mail', 'mail', 'email_address', 'електронна_пошта', 'эл_почта', 'электронная_почта'],
  other: [
    'other',
    'notes',
    'note',
    'comment',
    'comments',
    'remarks',
    'occupation',
    'profession',
    'job',
    'примітки',
    'примечание',
    'професія',
    'профессия',
  ],
};

const BY_ALIAS = new Map<string, FieldType>();
for (const [type, aliases] of Object.entries(ALIASES) as [FieldType, readonly string[]][])
  for (const a of aliases) BY_ALIAS.set(a, type);

/** Lower case with every run of non-letters and non-digits turned into one underscore. */
export function headerKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Words that qualify a column without changing what it holds: `res_city_desc` is a city,
 * `postcode_fake` a postcode, `gender_code` a sex.
 */
const QUALIFIERS: ReadonlySet<string> = new Set([
  'res',
  'residence',
  'residential',
  'home',
  'current',
  'mail',
  'mailing',
  'desc',
  'description',
  'code',
  'cd',
  'fake',
  'raw',
  'clean',
  'std',
  'txt',
  'text',
  'value',
]);

/** The field type a header names, or null. */
export function fieldTypeForHeader(header: string): FieldType | null {
  const key = headerKey(header);
  const direct = BY_ALIAS.get(key);
  if (direct) return direct;
  const core = key
    .split('_')
    .filter((w) => !QUALIFIERS.has(w))
    .join('_');
  return core && core !== key ? (BY_ALIAS.get(core) ?? null) : null;
}

/**
 * Maps headers to field types; headers in `exclude` (the id column) and unknown headers are left
 * out. Returns, per type, the columns that feed it in header order.
 */
export function autoMapHeaders(
  headers: readonly string[],
  exclude: readonly string[] = [],
): Partial<Record<FieldType, string[]>> {
  const out: Partial<Record<FieldType, string[]>> = {};
  for (const h of headers) {
    if (exclude.includes(h)) continue;
    const type = fieldTypeForHeader(h);
    if (type) (out[type] ??= []).push(h);
  }
  return out;
}
