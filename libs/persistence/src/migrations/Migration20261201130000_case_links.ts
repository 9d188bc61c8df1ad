import { Migration } from '@mikro-orm/migrations';

/**
 * Links between cases, as the case they were made on holds them: written with that case's file, read
 * from both ends (the other case shows them as made from it).
 */
export class Migration20261201130000_case_links extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table case_link (
        reference text not null references asb_case (reference),
        linked_reference text not null references asb_case (reference),
        reason text not null,
        note text,
        linked_by text not null,
        linked_at timestamptz not null,
        primary key (reference, linked_reference)
      )`);
    this.addSql(`create index case_link_linked_reference_idx on case_link (linked_reference)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists case_link`);
  }
}
