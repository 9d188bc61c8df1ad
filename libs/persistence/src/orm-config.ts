import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { CaseDeadlineRecord, CaseRecord, TimelineEntryRecord } from './case-record.entity';
import { CaseLinkRecord } from './case-links';
import { CaseFileRecord, CaseIncidentRecord, CasePartyRecord, CaseShareRecord, PartnerActionRecord } from './case-parts.entity';
import { AuditEventRecord, CaseReferenceSequenceRecord, CaseSaveFailureRecord, IdempotentRequestRecord, NotificationOutboxRecord } from './service-records.entity';
import { ForumDecisionEntity, ForumMeetingEntity } from './forum-meeting.entity';
import { SearchWordRecord } from './search-word.entity';
import { WebSessionRecord } from './web-session.entity';
import { CaseDocumentRecord } from './case-document.entity';
import { CaseEvidenceRecord } from './case-evidence.entity';
import { PolicyVersionRecord } from './policy-version.entity';
import { PspoBreachRecord, PspoConsultationRecord, PspoDecisionEntity, PspoRecord } from './pspo.entity';
import { MIGRATIONS } from './migrations';

/** An entity for every table the migrations make (test/persistence/entity-coverage.test.ts holds the two together). */
export const ENTITIES = [
  CaseRecord,
  CaseDeadlineRecord,
  TimelineEntryRecord,
  CaseLinkRecord,
  CaseShareRecord,
  PartnerActionRecord,
  CasePartyRecord,
  CaseIncidentRecord,
  CaseFileRecord,
  CaseReferenceSequenceRecord,
  IdempotentRequestRecord,
  CaseSaveFailureRecord,
  AuditEventRecord,
  NotificationOutboxRecord,
  ForumMeetingEntity,
  ForumDecisionEntity,
  SearchWordRecord,
  WebSessionRecord,
  CaseDocumentRecord,
  CaseEvidenceRecord,
  PolicyVersionRecord,
  PspoRecord,
  PspoConsultationRecord,
  PspoDecisionEntity,
  PspoBreachRecord,
];

export function ormConfig(databaseUrl: string, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, tableName: 'schema_migration', snapshot: false, silent: true },
    // Sync is by migrations only; discovery must never touch the schema.
    ensureDatabase: false,
    pool: { min: 0, max: 10 },
    ...overrides,
  });
}
