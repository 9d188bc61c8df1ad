/**
 * A UK postcode, with or without its space, anywhere in a text. Compared whole: every postcode of a
 * district shares its outward code ("LE13"), so two postcodes that merely look alike are not the same place.
 */
const POSTCODE = /(?<![A-Za-z0-9])([A-Za-z]{1,2}\d[A-Za-z\d]?)\s*(\d[A-Za-z]{2})(?![A-Za-z0-9])/g;

/** Every postcode in `text`, upper case with its one space, however it was typed. */
export function postcodesIn(text: string): string[] {
  return [...text.matchAll(POSTCODE)].map((match) => `${match[1]} ${match[2]}`.toUpperCase());
}

/** `text` with its postcodes taken out, for the words around them. */
export function withoutPostcodes(text: string): string {
  return text.replace(POSTCODE, ' ');
}
