import { searchTerms } from '../../libs/persistence/src/case-search';

describe('the words of a case search', () => {
  it('reads dates of birth in either form, and leaves a date that is no day of the calendar as a word', () => {
    expect(searchTerms('Jordan Reed 14/07/1991')).toEqual({ text: 'Jordan Reed', datesOfBirth: ['1991-07-14'], postcodes: [] });
    expect(searchTerms('1991-07-14')).toEqual({ text: '', datesOfBirth: ['1991-07-14'], postcodes: [] });
    expect(searchTerms('Reed 31/02/1991')).toEqual({ text: 'Reed 31/02/1991', datesOfBirth: [], postcodes: [] });
  });

  it('reads a postcode with or without its space, apart from the other words', () => {
    expect(searchTerms('le131ab')).toEqual({ text: '', datesOfBirth: [], postcodes: ['LE13 1AB'] });
    expect(searchTerms('Brook Lane LE13 1AB')).toEqual({ text: 'Brook Lane', datesOfBirth: [], postcodes: ['LE13 1AB'] });
    expect(searchTerms('SW1A1AA').postcodes).toEqual(['SW1A 1AA']);
    expect(searchTerms('Whitfield').postcodes).toEqual([]);
  });
});
