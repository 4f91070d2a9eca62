import { normaliseAddress } from './address-normalisation';

describe('address normalisation', () => {
  it('turns full-width digits into ASCII', () => {
    expect(normaliseAddress('汝河路２２号院')).toBe('汝河路22号院');
    expect(normaliseAddress('４７号院')).toBe('47号院');
  });

  it('trims and drops spaces next to Han characters', () => {
    expect(normaliseAddress('  汝河路 22 号院 ')).toBe('汝河路22号院');
    expect(normaliseAddress('汝河路\u300022号院')).toBe('汝河路22号院');
    expect(normaliseAddress('汝河路\t\n22号院')).toBe('汝河路22号院');
  });

  it('collapses runs of spaces between Latin words and numbers to one', () => {
    expect(normaliseAddress('Ruhe Road   22,  Building\u00a03')).toBe('Ruhe Road 22, Building 3');
  });

  it('turns full-width letters and punctuation into ASCII but keeps their case', () => {
    expect(normaliseAddress('金海小区Ａ座（东）')).toBe('金海小区A座(东)');
    expect(normaliseAddress('a座')).not.toBe(normaliseAddress('A座'));
  });

  it('drops zero-width characters pasted from chat apps', () => {
    expect(normaliseAddress('47\u200b号院')).toBe('47号院');
  });

  it('gives one spelling for every way of writing the same courtyard', () => {
    const spellings = ['汝河路22号院', ' 汝河路 ２２ 号院', '汝河路　２２号院\n', '汝河路\u200b22号院'];
    expect(new Set(spellings.map(normaliseAddress))).toEqual(new Set(['汝河路22号院']));
  });

  it('is idempotent', () => {
    const once = normaliseAddress(' 嵩山路 ４７号院  Ａ座 ');
    expect(normaliseAddress(once)).toBe(once);
  });
});
