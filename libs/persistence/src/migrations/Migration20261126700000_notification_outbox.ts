import { Migration } from '@mikro-orm/migrations';

/**
 * One row per notice per recipient, so that a refused address fails alone and is re-sent alone,
 * and the rendered message is kept for the re-send. Rows of the first outbox (one per alert, its
 * recipients together) are carried over one per recipient.
 */
export class Migration20261126700000_notification_outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table notification (
        id bigserial primary key,
        notice_key text not null,
        kind text not null,
        reference text null,
        recipient text not null,
        subject text not null,
        body_text text not null,
        body_html text not null,
        message_id text not null unique,
        status text not null check (status in ('PENDING', 'SENT', 'FAILED')),
        attempts integer not null default 0,
        last_error text null,
        created_at timestamptz not null default now(),
        sent_at timestamptz null,
        failed_at timestamptz null,
        resend_requested_by text null,
        resend_requested_at timestamptz null,
        resend_count integer not null default 0,
        unique (notice_key, recipient)
      )`);
    this.addSql(`create index notification_status_idx on notification (status, created_at)`);
    this.addSql(`create index notification_reference_idx on notification (reference) where reference is not null`);
    this.addSql(`
      insert into notification (notice_key, kind, reference, recipient, subject, body_text, body_html, message_id, status, attempts, last_error, created_at, sent_at)
      select o.message_key, o.kind, o.reference, r.recipient, o.subject, '', '',
             case when r.position = 1 then o.message_id else replace(o.message_id, '@', '.' || r.position || '@') end,
             o.status, o.attempts, o.last_error, o.created_at, o.sent_at
      from outbox_message o, jsonb_array_elements_text(o.recipients) with ordinality as r(recipient, position)`);
    this.addSql(`drop table outbox_message`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists notification`);
  }
}
