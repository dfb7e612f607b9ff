import { describe, expect, it } from 'vitest';
import { LOCAL_AUTHORITIES, localAuthorityOf, sameLocalAuthority } from './local-authority.js';

const gssOf = (name: string | null) => localAuthorityOf(name)?.gss ?? null;

describe('localAuthorityOf', () => {
  it.each([
    'Bristol',
    'City of Bristol',
    'Bristol, City of',
    'bristol city council',
    'BRISTOL',
    ' bristol ',
    'E06000023',
  ])('reads %j as Bristol (E06000023)', (name) => {
    expect(gssOf(name)).toBe('E06000023');
  });

  it('folds "&"/"and", punctuation, "Council" and "Borough of"', () => {
    expect(gssOf('Brighton & Hove City Council')).toBe('E06000043');
    expect(gssOf('Bath & North East Somerset Council')).toBe('E06000022');
    expect(gssOf('London Borough of Barking & Dagenham')).toBe('E09000002');
    expect(gssOf('Royal Borough of Kensington and Chelsea')).toBe('E09000020');
    expect(gssOf('Stoke on Trent')).toBe('E06000021');
    expect(gssOf('St. Helens Council')).toBe('E08000013');
    expect(gssOf('Saint Albans')).toBe('E07000240');
    expect(gssOf('Kings Lynn and West Norfolk')).toBe('E07000146');
    expect(gssOf('Westminster City Council')).toBe('E09000033');
    expect(gssOf('Kingston upon Hull, City of')).toBe('E06000010');
    expect(gssOf('Hull City Council')).toBe('E06000010');
    expect(gssOf('Durham County Council')).toBe('E06000047');
    expect(gssOf('Herefordshire, County of')).toBe('E06000019');
  });

  it('knows the Welsh and English names of Welsh principal areas', () => {
    expect(gssOf('Caerdydd')).toBe('W06000015');
    expect(gssOf('City and County of Cardiff')).toBe('W06000015');
    expect(gssOf('Ynys Môn')).toBe('W06000001');
    expect(gssOf('Isle of Anglesey County Council')).toBe('W06000001');
    expect(gssOf('Abertawe')).toBe('W06000011');
    expect(gssOf('Rhondda Cynon Taff')).toBe('W06000016');
    expect(gssOf('The Vale of Glamorgan')).toBe('W06000014');
  });

  it('tells the City of London from London, which is not one authority', () => {
    expect(gssOf('City of London')).toBe('E09000001');
    expect(gssOf('London')).toBeNull();
  });

  it('knows no misspelt or made-up authority, and no blank', () => {
    expect(gssOf('Bristoll')).toBeNull();
    expect(gssOf('South Glos')).toBeNull();
    expect(gssOf('M14')).toBeNull();
    expect(gssOf(' ')).toBeNull();
    expect(gssOf(null)).toBeNull();
  });

  it('ships every England and Wales authority once, each with a GSS code of its kind', () => {
    expect(LOCAL_AUTHORITIES.length).toBeGreaterThanOrEqual(318);
    for (const authority of LOCAL_AUTHORITIES) expect(authority.gss).toMatch(/^(E0[6789]|W06)\d{6}$/);
    // Every authority's own name leads back to it.
    for (const authority of LOCAL_AUTHORITIES) expect(gssOf(authority.name)).toBe(authority.gss);
  });
});

describe('sameLocalAuthority', () => {
  it('is the place, not the spelling', () => {
    expect(sameLocalAuthority('Bristol', 'Bristol, City of')).toBe(true);
    expect(sameLocalAuthority('bristol city council', 'City of Bristol')).toBe(true);
    expect(sameLocalAuthority('Cardiff', 'Caerdydd')).toBe(true);
    expect(sameLocalAuthority('Bristol', 'South Gloucestershire')).toBe(false);
  });

  it('falls back to the folded name when a name is not in the list', () => {
    expect(sameLocalAuthority('Nowhere Shire', 'nowhere shire council')).toBe(true);
    expect(sameLocalAuthority('Nowhere Shire', 'Bristol')).toBe(false);
  });
});
