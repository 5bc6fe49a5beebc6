/**
 * HXL hashtags to fields. HXL has no dedicated person vocabulary; lists use the population tags
 * (#affected, #person, #beneficiary) with +name, +age, +id and the like, #date +birth for birth
 * dates, and the location tags (#adm1..#adm5, #loc, #country) for places.
 */
import type { Hashtag } from '../hxl/hashtags.js';
import type { FieldName } from './field-names.js';

const has = (h: Hashtag, ...attrs: string[]) => attrs.some((a) => h.attributes.includes(a));

/** The field a hashtag stands for, or null. */
export function hxlField(h: Hashtag | null): FieldName | null {
  if (!h) return null;
  if (h.tag === 'name' || has(h, 'name')) return nameField(h);
  switch (h.tag) {
    case 'date':
      return has(h, 'birth', 'dob') ? 'date_of_birth' : 'status_date';
    case 'age':
      return 'age';
    case 'sex':
    case 'gender':
      return 'sex';
    case 'status':
      return 'status';
    case 'rank':
      return 'rank';
    case 'unit':
      return 'unit';
    case 'nationality':
      return 'nationality';
    case 'description':
      return 'notes';
    case 'contact':
      return has(h, 'email') ? 'email' : has(h, 'address') ? 'address' : 'phone';
    case 'country':
      return has(h, 'nationality', 'citizenship')
        ? 'nationality'
        : has(h, 'birth')
          ? 'place_of_birth'
          : 'place';
    case 'adm1':
    case 'adm2':
    case 'adm3':
    case 'adm4':
    case 'adm5':
    case 'loc':
    case 'geo':
      return has(h, 'birth') ? 'place_of_birth' : has(h, 'address') ? 'address' : 'place';
  }
  return personAttribute(h);
}

function nameField(h: Hashtag): FieldName {
  if (has(h, 'given', 'first')) return 'given_name';
  if (has(h, 'family', 'last', 'surname')) return 'family_name';
  if (has(h, 'patronymic', 'middle')) return 'patronymic';
  if (has(h, 'original', 'native')) return 'name_original';
  if (has(h, 'father')) return 'father_name';
  if (has(h, 'mother')) return 'mother_name';
  if (h.tag === 'adm1' || h.tag === 'adm2' || h.tag === 'adm3' || h.tag === 'loc') return 'place';
  if (h.tag === 'country') return 'place';
  if (h.tag === 'org') return 'unit';
  return 'full_name';
}

/** #affected / #person / #meta with an attribute that names the field. */
function personAttribute(h: Hashtag): FieldName | null {
  if (has(h, 'age')) return 'age';
  if (has(h, 'sex', 'gender')) return 'sex';
  if (has(h, 'rank')) return 'rank';
  if (has(h, 'unit')) return 'unit';
  if (has(h, 'status')) return 'status';
  if (has(h, 'phone')) return 'phone';
  if (has(h, 'email')) return 'email';
  if (has(h, 'notes', 'comment', 'comments')) return 'notes';
  if (has(h, 'id', 'code')) {
    if (has(h, 'service', 'military')) return 'service_number';
    if (has(h, 'passport', 'national', 'document')) return 'id_number';
    return 'source_record_id';
  }
  if (h.tag === 'org') return 'unit';
  return null;
}
