import {
  characterCount,
  dateOfBirthRefusal,
  factDateRefusal,
  factInstantRefusal,
  localDate,
  normalisePlainText,
  plainTextLengthRefusal,
  plainTextPattern,
  plainTextRefusal,
} from '../../libs/domain/src';

describe('plain text: what a text field of a case may hold', () => {
  it('names the first control character and where it is', () => {
    expect(plainTextRefusal('Jordan\u0000 Reed')).toBe(
      'contains a control character (U+0000) at character 7; text may hold tabs and line breaks, but no other control characters',
    );
    expect(plainTextRefusal('bell\u0007')).toMatch(/U\+0007\) at character 5/);
    expect(plainTextRefusal('next line\u0085')).toMatch(/U\+0085/);
  });

  it('names an unpaired surrogate, counting an emoji before it as one character', () => {
    expect(plainTextRefusal('😀x\uD800')).toBe(
      'contains an unpaired surrogate (U+D800) at character 3; text may hold tabs and line breaks, but no other control characters',
    );
  });

  it('keeps tabs, line breaks from any device, accents and emoji', () => {
    expect(plainTextRefusal('Line one\r\nLine two\n\tindented — café 😀')).toBeUndefined();
  });

  it('states the same rule as a pattern, refusing blank text and counting characters once trimmed', () => {
    const atLeastOne = new RegExp(plainTextPattern(1), 'u');
    expect(atLeastOne.test('x')).toBe(true);
    expect(atLeastOne.test(' \t\n ')).toBe(false);
    expect(atLeastOne.test('a\u0000')).toBe(false);
    const atLeastTen = new RegExp(plainTextPattern(10), 'u');
    expect(atLeastTen.test('   too short  ')).toBe(false);
    expect(atLeastTen.test('  ten chars!  ')).toBe(true);
    expect(atLeastTen.test('😀😀😀😀😀😀😀😀😀😀')).toBe(true);
    expect(atLeastTen.test('ten chars\u0000!')).toBe(false);
  });

  it('states in its documented pattern exactly what the check refuses, for text of every kind', () => {
    const samples = ['x', ' ', '\t\n', 'a\u0000', '\u0007bell', 'ok\r\nline', '😀', '  ten chars!  ', '   too short  ', 'nine char', '\u00A0\u3000', 'café\u0085', '\uFEFFx', 'a\u009Fb'];
    for (const atLeast of [1, 2, 10]) {
      const pattern = new RegExp(plainTextPattern(atLeast), 'u');
      for (const text of samples) {
        const checked = plainTextRefusal(text) ?? plainTextLengthRefusal(text, atLeast, 4000);
        expect({ text, atLeast, documented: pattern.test(text) }).toEqual({ text, atLeast, documented: checked === undefined });
      }
    }
  });

  it('leaves unpaired surrogates out of the documented pattern (no engine writes one) and still refuses them', () => {
    expect(plainTextPattern(1)).not.toMatch(/D800|DFFF/i);
    expect(plainTextRefusal('x\uDC00')).toMatch(/^contains an unpaired surrogate \(U\+DC00\)/);
  });

  it('refuses text over its length in characters, and blank or short text once trimmed', () => {
    expect(plainTextLengthRefusal('😀'.repeat(200), 1, 200)).toBeUndefined();
    expect(plainTextLengthRefusal('😀'.repeat(201), 1, 200)).toBe('must be at most 200 characters');
    expect(plainTextLengthRefusal(' \n ', 1, 200)).toBe('must not be blank');
    expect(plainTextLengthRefusal('  Noisy.  ', 10, 4000)).toBe('must have at least 10 characters, not counting spaces at either end');
  });

  it('counts characters as a person (and JSON Schema) does, not UTF-16 units', () => {
    expect(characterCount('😀😀')).toBe(2);
    expect('😀😀'.length).toBe(4);
  });

  it('stores one spelling of the same name (NFC) without the spaces at either end', () => {
    const typedOnAPhone = '  Zoe\u0308 '; // e + combining diaeresis
    expect(normalisePlainText(typedOnAPhone)).toBe('Zoë');
    expect(normalisePlainText(typedOnAPhone)).toBe(normalisePlainText('Zoë'));
  });
});

describe('dates that can be true', () => {
  const today = localDate('2026-12-01');

  it('refuses a date of birth in the future, or more than 120 years ago', () => {
    expect(dateOfBirthRefusal(localDate('3951-01-01'), today)).toBe('is in the future');
    expect(dateOfBirthRefusal(localDate('2026-12-02'), today)).toBe('is in the future');
    expect(dateOfBirthRefusal(localDate('1906-11-30'), today)).toBe('is more than 120 years ago; check the year');
    expect(dateOfBirthRefusal(localDate('0211-07-14'), today)).toBe('is more than 120 years ago; check the year');
  });

  it('takes a baby born today and someone 120 years old today', () => {
    expect(dateOfBirthRefusal(today, today)).toBeUndefined();
    expect(dateOfBirthRefusal(localDate('1906-12-01'), today)).toBeUndefined();
  });

  it('refuses a fact of the case dated before 1900', () => {
    expect(factDateRefusal(localDate('1899-12-31'))).toBe('is before 1900; check the year');
    expect(factDateRefusal(localDate('1900-01-01'))).toBeUndefined();
    expect(factInstantRefusal('0211-03-01T10:00:00Z')).toBe('is before 1900; check the year');
    expect(factInstantRefusal('2026-11-30T23:40:00Z')).toBeUndefined();
  });
});
