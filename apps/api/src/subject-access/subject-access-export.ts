import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../../../libs/auth/src';
import { SUBJECT_ACCESS_WITHHELD, type SubjectAccessCase, subjectAccessOutline, subjectAccessRecord } from '../../../../libs/domain/src/case-file/subject-access';
import { findHeldFiles, findPartyAppearances } from '../../../../libs/persistence/src/subject-access-queries';
import { problems } from '../http/problem';
import type { SubjectAccessExport } from './subject-access.schemas';

/**
 * Everything the partnership holds about one person across all cases (UK GDPR Art. 15), for an admin.
 * The API's `GET /subject-access` and the console's subject access page both build it here.
 */
/** Only admins export what is held about a person. */
export function mustExportSubjectAccess(caller: Caller): void {
  if (!caller.roles.includes('admin')) throw problems.forbidden('only admins export what is held about a person');
}

export async function subjectAccessExport(em: EntityManager, caller: Caller, person: { readonly name: string; readonly dateOfBirth?: string | undefined }): Promise<SubjectAccessExport> {
  mustExportSubjectAccess(caller);
  const appearances = await findPartyAppearances(em, { name: person.name, ...(person.dateOfBirth ? { dateOfBirth: person.dateOfBirth } : {}) });
  const held = await findHeldFiles(em, [...new Set(appearances.map((found) => found.outline.reference))]);
  const cases = appearances.map(
    (found): SubjectAccessCase =>
      (found.file && subjectAccessRecord(found.file, { role: found.party.role, partyId: found.party.id, matchedBy: found.matchedBy }, held.get(found.outline.reference))) ??
      subjectAccessOutline(found.outline, found.party, found.matchedBy),
  );
  return {
    person: { name: person.name, ...(person.dateOfBirth ? { dateOfBirth: person.dateOfBirth } : {}) },
    exportedAt: new Date().toISOString(),
    exportedBy: caller.id,
    cases: cases.map((entry) => ({
      ...entry,
      files: entry.files.map((file) => ({ ...file, download: `/cases/${entry.reference}/${file.type === 'DOCUMENT' ? 'documents' : 'evidence'}/${file.id}` })),
    })),
    withheld: [...SUBJECT_ACCESS_WITHHELD],
  };
}

/** What an export disclosed, about whom: the audit entry's record of it. */
export function subjectAccessAudit(exported: SubjectAccessExport, format: string) {
  return { after: { person: exported.person, format, cases: exported.cases.map((entry) => ({ reference: entry.reference, role: entry.party.role, partyId: entry.party.id })) } };
}
