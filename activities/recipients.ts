import { ApplicationFailure } from '@temporalio/activity';
import type { Notice } from '../libs/domain/src';
import type { StaffDirectory, StaffMember } from '../libs/directory/src';

/** Who is told, from the staff directory by role, team and agency: never an address written in code. */
export function recipientsOf(notice: Notice, directory: StaffDirectory): string[] {
  const people = audienceOf(notice, directory);
  if (people.length === 0) {
    // Retryable on purpose: the notice waits (visible as a failing activity) until the directory names someone.
    throw ApplicationFailure.retryable(`no ${notice.audience.toLowerCase().replaceAll('_', ' ')} for team ${notice.team} is listed in the staff directory`, 'NoRecipient');
  }
  return [...new Set(people.map((person) => person.email))];
}

function audienceOf(notice: Notice, directory: StaffDirectory): StaffMember[] {
  switch (notice.audience) {
    case 'MANAGER':
      return directory.managersOf(notice.team);
    case 'HEAD_OF_SERVICE':
      return directory.withRole('head_of_service');
    case 'LEGAL':
      return directory.withRole('legal');
    case 'CASE_REVIEW_COORDINATOR':
      return directory.withRole('case_review_coordinator');
    case 'ADMIN':
      return directory.withRole('admin');
    case 'PARTNER_AGENCY': {
      // An agency with no one in the directory cannot be told: its case's manager is, so the notice is not lost.
      const partners = notice.agency ? directory.ofAgency(notice.agency) : [];
      return partners.length > 0 ? partners : directory.managersOf(notice.team);
    }
    case 'CASEWORKER': {
      const holder = 'case' in notice ? notice.case.caseworker : undefined;
      const caseworker = holder ? directory.find(holder) : undefined;
      // An unallocated case's duties fall to its manager.
      return caseworker ? [caseworker] : directory.managersOf(notice.team);
    }
  }
}
