/**
 * Text a person typed, in the form every part of the service can hold: PostgreSQL refuses NUL outright,
 * and mail clients and browsers mangle the other control characters and unpaired surrogates. Tabs and
 * line breaks (LF, CR) are ordinary text and stay.
 */
const CONTROL = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
/** The white space that `String.prototype.trim` removes, written out so that every regex dialect agrees on it. */
const SPACE = '\\t\\n\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';

/** Also an unpaired surrogate, which a JSON string can smuggle in as an escape (`"\ud800"`) but no Unicode text holds. */
const NOT_PLAIN_CHARACTER = new RegExp(`[${CONTROL}\\uD800-\\uDFFF]`, 'u');

/**
 * The same rule as a pattern (ECMA-262 with the `u` flag, Python's `re` and Rust's `regex` alike), for
 * plain text holding at least `atLeast` characters once the spaces at either end are trimmed: what the
 * API's schemas state. It leaves out unpaired surrogates, which Unicode text cannot hold and some
 * engines cannot write a pattern for; `plainTextRefusal` still refuses them.
 */
export function plainTextPattern(atLeast: number): string {
  if (atLeast < 1) return `^[^${CONTROL}]*$`;
  if (atLeast === 1) return `^[^${CONTROL}]*[^${CONTROL}${SPACE}][^${CONTROL}]*$`;
  return `^[${SPACE}]*[^${CONTROL}${SPACE}][^${CONTROL}]{${atLeast - 2},}[^${CONTROL}${SPACE}][${SPACE}]*$`;
}

/** Why `text` is not plain text, naming the first character at fault; undefined when it is. */
export function plainTextRefusal(text: string): string | undefined {
  const found = NOT_PLAIN_CHARACTER.exec(text);
  if (!found) return undefined;
  const codePoint = found[0].codePointAt(0)!;
  const name = codePoint >= 0xd800 && codePoint <= 0xdfff ? 'an unpaired surrogate' : 'a control character';
  const position = [...text.slice(0, found.index)].length + 1;
  return `contains ${name} (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}) at character ${position}; text may hold tabs and line breaks, but no other control characters`;
}

/** Why text of `min` to `max` characters is not: blank, too short once trimmed, or too long; undefined when it fits. */
export function plainTextLengthRefusal(text: string, min: number, max: number): string | undefined {
  if (characterCount(text) > max) return `must be at most ${max} characters`;
  if (min > 0 && characterCount(text.trim()) < min) return min === 1 ? 'must not be blank' : `must have at least ${min} characters, not counting spaces at either end`;
  return undefined;
}

/** How many characters a person would count: code points, as JSON Schema's maxLength counts them. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** One spelling for the same text (NFC), so that a name typed on two devices is stored, searched and compared alike. */
export function normalisePlainText(text: string): string {
  return text.trim().normalize('NFC');
}
