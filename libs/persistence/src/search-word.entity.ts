import { defineEntity, p } from '@mikro-orm/core';

/**
 * One word of a name or an address on any case, held once (migration search_words), so that a misspelt
 * word is matched against the words in use, not against every name: triggers on case_party and asb_case
 * keep it, and nothing else writes it.
 */
export const SearchWordRecord = defineEntity({
  name: 'SearchWordRecord',
  tableName: 'search_word',
  properties: {
    word: p.text().primary(),
  },
});
export type SearchWordRecord = InstanceType<typeof SearchWordRecord.class>;
