import shipped from './local-authorities.json' with { type: 'json' };

/** One England or Wales local authority (district, unitary, metropolitan borough, London borough, Welsh principal area). */
export interface LocalAuthority {
  /** The ONS/GSS code: the authority's identity, whatever it is called (E06…, E07…, E08…, E09…, W06…). */
  gss: string;
  /** The ONS name. */
  name: string;
}

interface ShippedAuthority extends LocalAuthority {
  variants?: string[];
}

// Words that name the council rather than the place: 'Bristol City Council', 'London Borough of Camden'.
const PREFIXES = [
  'the',
  'cyngor',
  'city and county of',
  'london borough of',
  'royal borough of',
  'metropolitan borough of',
  'borough of',
  'county borough of',
  'city of',
  'county of',
  'district of',
];
const SUFFIXES = [
  'metropolitan borough council',
  'county borough council',
  'borough council',
  'district council',
  'county council',
  'city council',
  'unitary authority',
  'corporation',
  'council',
  'city of',
  'county of',
];
/** Names that are not one authority ('London' is 33 of them): refused rather than matched to the wrong one. */
const AMBIGUOUS = new Set(['london']);

/** Case, '&'/'and', punctuation and 'Saint'/'St.' folded: the spelling, not the council's title. */
export function foldSpelling(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The place a name means, without 'City of', 'Council', 'Borough of' and the like around it. */
export function placeName(value: string): string {
  let name = foldSpelling(value);
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of PREFIXES) {
      if (name.startsWith(`${prefix} `)) {
        name = name.slice(prefix.length + 1);
        changed = true;
      }
    }
    for (const suffix of SUFFIXES) {
      if (name.endsWith(` ${suffix}`)) {
        name = name.slice(0, -suffix.length - 1);
        changed = true;
      }
    }
  }
  return name;
}

function indexOf(authorities: readonly ShippedAuthority[]) {
  const byName = new Map<string, LocalAuthority>();
  const byCode = new Map<string, LocalAuthority>();
  const add = (key: string, authority: LocalAuthority) => {
    const known = byName.get(key);
    if (known && known.gss !== authority.gss) {
      throw new Error(`local authority name '${key}' means both ${known.gss} and ${authority.gss}`);
    }
    byName.set(key, authority);
  };
  for (const { gss, name, variants = [] } of authorities) {
    const authority = { gss, name };
    byCode.set(gss, authority);
    for (const spelling of [name, ...variants]) {
      add(foldSpelling(spelling), authority);
      const place = placeName(spelling);
      if (!AMBIGUOUS.has(place)) add(place, authority);
    }
  }
  return { byName, byCode };
}

const index = indexOf(shipped as ShippedAuthority[]);

/** Every authority shipped (England and Wales), for tests and listings. */
export const LOCAL_AUTHORITIES: readonly LocalAuthority[] = [...index.byCode.values()];

/** The authority a name (or GSS code) means, or null when it is not one we know. */
export function localAuthorityOf(value: string | null | undefined): LocalAuthority | null {
  if (!value?.trim()) return null;
  const code = value.trim().toUpperCase();
  const byCode = index.byCode.get(code);
  if (byCode) return byCode;
  const exact = index.byName.get(foldSpelling(value));
  if (exact) return exact;
  const place = placeName(value);
  return AMBIGUOUS.has(place) ? null : (index.byName.get(place) ?? null);
}

/**
 * Whether two names mean the same authority: by GSS code when both are known; otherwise (a name stored before the
 * list was shipped, or from another service) by the folded place name.
 */
export function sameLocalAuthority(a: string, b: string): boolean {
  const first = localAuthorityOf(a);
  const second = localAuthorityOf(b);
  if (first && second) return first.gss === second.gss;
  return placeName(a) !== '' && placeName(a) === placeName(b);
}
