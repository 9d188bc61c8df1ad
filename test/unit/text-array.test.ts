import { textArray } from '../../libs/persistence/src/text-array';

describe('team and agency lists sent to PostgreSQL as one array literal', () => {
  it('quotes each value, so commas and spaces stay inside a team name', () => {
    expect(textArray(['north', 'Melton, town centre'])).toBe('{"north","Melton, town centre"}');
  });

  it('escapes quotes and backslashes, so a value cannot end the literal early', () => {
    expect(textArray(['say "hi"', 'back\\slash'])).toBe('{"say \\"hi\\"","back\\\\slash"}');
  });

  it('writes an empty list as an empty array', () => {
    expect(textArray([])).toBe('{}');
  });
});
