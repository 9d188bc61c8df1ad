import { Migration } from '@mikro-orm/migrations';

/**
 * The console's sessions (`connect-pg-simple`'s table, under its own name): the session id, what the
 * session holds (the signed-in caller, when they signed in) and when it expires. A read ignores an
 * expired row; the store prunes them, by the expiry index.
 */
export class Migration20261201150000_web_session extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table web_session (sid text not null primary key, sess json not null, expire timestamptz(6) not null)`);
    this.addSql(`create index web_session_expire_idx on web_session (expire)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table web_session`);
  }
}
