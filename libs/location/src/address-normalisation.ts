/** Han characters and CJK punctuation: a space next to one of them carries no meaning in a Chinese address. */
const HAN = '[\\p{Script=Han}\\u3001-\\u303F]';
const spaceBeforeHan = new RegExp(` (?=${HAN})`, 'gu');
const spaceAfterHan = new RegExp(`(?<=${HAN}) `, 'gu');
const invisible = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * The one spelling of an address that places are stored and looked up under, so "汝河路２２号院",
 * " 汝河路 22 号院 " and "汝河路22号院" are the same courtyard:
 * 1. Unicode NFKC: full-width digits, letters and punctuation become ASCII (２２ → 22, Ａ座 → A座, （ → ();
 * 2. zero-width characters are dropped, every run of white space (including the ideographic space U+3000)
 *    becomes one space, and the ends are trimmed;
 * 3. a space next to a Han character is dropped ("汝河路 22 号院" → "汝河路22号院"), while a space between
 *    Latin words or numbers stays ("Building 3").
 * Letter case is kept: "A座" and "a座" may be different buildings.
 *
 * Producer and consumers share this function: grid-registry stores places under it, and a replica normalises a
 * reported address the same way before looking it up.
 */
export function normaliseAddress(address: string): string {
  return address
    .normalize('NFKC')
    .replace(invisible, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(spaceBeforeHan, '')
    .replace(spaceAfterHan, '');
}
