import { Migration } from '@mikro-orm/migrations';

/**
 * Search by a misspelt name or address word at 100,000 cases (`npm run bench`), and witnesses on the
 * read model.
 *
 * Matching a typed word against every name (`word <% name` on a trigram index) read and re-checked
 * every name sharing a few trigrams with it: 80-180 ms for one surname. Instead, each distinct word of
 * a name or an address is kept once in `search_word`, small enough for its trigram index to answer at
 * once which words a typed one is like; the cases are then read off a GIN index of each row's words
 * (`search_words(name) && array[...]`), which is exact. `search_word` is kept by triggers, so that any
 * writer (the case file store, the benchmark's seed) keeps it whole, and a word no name or address uses
 * any more (a correction, an anonymised case) leaves it.
 */
export class Migration20261201140000_search_words extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table case_party drop constraint case_party_role_check`);
    this.addSql(`alter table case_party add constraint case_party_role_check check (role in ('COMPLAINANT', 'SUBJECT', 'WITNESS'))`);
    // The words of a name or an address as search matches them: lower case, split at anything but a letter or a digit.
    this.addSql(
      `create function search_words(text) returns text[] language sql immutable parallel safe
       return array_remove(regexp_split_to_array(lower($1), '[^[:alnum:]]+'), '')`,
    );
    // Without fastupdate, a GIN index takes each new entry into its tree at once: with it, entries wait in
    // a pending list that every search reads through until vacuum comes by (68 ms to search the words of
    // 100,000 addresses just written, 0.07 ms once vacuumed). Every save rewrites a case's parties, so that
    // list would always be filling.
    this.addSql(`create index case_party_search_words_idx on case_party using gin (search_words(name)) with (fastupdate = off)`);
    this.addSql(`create index asb_case_search_words_idx on asb_case using gin (search_words(address)) with (fastupdate = off)`);
    this.addSql(`create table search_word (word text primary key)`);
    this.addSql(`create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops) with (fastupdate = off)`);
    // The postcode's trigram index (migration case_search) likewise.
    this.addSql(`alter index asb_case_address_trgm_idx set (fastupdate = off)`);
    this.addSql(`select gin_clean_pending_list('asb_case_address_trgm_idx')`);
    this.addSql(
      `insert into search_word (word)
       select unnest(search_words(name)) from case_party union select unnest(search_words(address)) from asb_case where address is not null`,
    );
    this.addSql(
      `create function search_word_forget_unused(words text[]) returns void language sql as $$
         delete from search_word w
         where w.word = any(words)
           and not exists (select 1 from case_party p where search_words(p.name) && array[w.word])
           and not exists (select 1 from asb_case c where search_words(c.address) && array[w.word])
       $$`,
    );
    // Statement triggers with transition tables, one insert of many rows (a save, the seed) costing one
    // statement here; each is given the column that holds the words (TG_ARGV[0]: name or address).
    this.addSql(
      `create function search_word_add() returns trigger language plpgsql as $$
       begin
         execute format('insert into search_word (word) select distinct unnest(search_words(%I)) from added on conflict do nothing', tg_argv[0]);
         return null;
       end $$`,
    );
    this.addSql(
      `create function search_word_forget() returns trigger language plpgsql as $$
       begin
         execute format('select search_word_forget_unused(array(select unnest(search_words(%I)) from removed))', tg_argv[0]);
         return null;
       end $$`,
    );
    // A save rewrites the case's row with its address most often unchanged: only words that came or went are looked at.
    this.addSql(
      `create function search_word_change() returns trigger language plpgsql as $$
       begin
         execute format(
           'insert into search_word (word) select unnest(search_words(%1$I)) from added except select unnest(search_words(%1$I)) from removed on conflict do nothing',
           tg_argv[0]);
         execute format(
           'select search_word_forget_unused(array(select unnest(search_words(%1$I)) from removed except select unnest(search_words(%1$I)) from added))',
           tg_argv[0]);
         return null;
       end $$`,
    );
    this.addSql(`create trigger search_word_party_added after insert on case_party referencing new table as added for each statement execute function search_word_add('name')`);
    this.addSql(`create trigger search_word_party_removed after delete on case_party referencing old table as removed for each statement execute function search_word_forget('name')`);
    this.addSql(`create trigger search_word_case_added after insert on asb_case referencing new table as added for each statement execute function search_word_add('address')`);
    this.addSql(
      `create trigger search_word_address_changed after update on asb_case referencing old table as removed new table as added
       for each statement execute function search_word_change('address')`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists search_word_address_changed on asb_case`);
    this.addSql(`drop trigger if exists search_word_case_added on asb_case`);
    this.addSql(`drop trigger if exists search_word_party_removed on case_party`);
    this.addSql(`drop trigger if exists search_word_party_added on case_party`);
    this.addSql(`drop function if exists search_word_change()`);
    this.addSql(`drop function if exists search_word_forget()`);
    this.addSql(`drop function if exists search_word_add()`);
    this.addSql(`drop function if exists search_word_forget_unused(text[])`);
    this.addSql(`drop table if exists search_word`);
    this.addSql(`drop index if exists asb_case_search_words_idx`);
    this.addSql(`drop index if exists case_party_search_words_idx`);
    this.addSql(`alter index asb_case_address_trgm_idx reset (fastupdate)`);
    this.addSql(`drop function if exists search_words(text)`);
    this.addSql(`delete from case_party where role = 'WITNESS'`);
    this.addSql(`alter table case_party drop constraint case_party_role_check`);
    this.addSql(`alter table case_party add constraint case_party_role_check check (role in ('COMPLAINANT', 'SUBJECT'))`);
  }
}
