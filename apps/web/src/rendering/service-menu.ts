import type { Caller } from '../../../../libs/auth/src';
import { isAdmin } from '../../../api/src/audit/audit-trail-reader';
import { listScope } from '../../../api/src/auth/access-policy';
import { mayReadLegalQueue, mayReadTeamOverview } from '../../../api/src/cases/case-reports';
import { isForumMember } from '../../../api/src/forums/forum-meetings';

interface MenuItem {
  readonly text: string;
  readonly href: string;
  readonly active: boolean;
}

/** The service navigation: only the pages the caller's roles may use, by the same rules those pages (and the API) apply. */
export function serviceMenu(caller: Caller | undefined, active: string | undefined): MenuItem[] {
  if (!caller) return [];
  const scope = listScope(caller);
  const items: [boolean, string, string, string][] = [
    [true, 'cases', 'Your cases', '/cases'],
    [caller.roles.includes('manager') && caller.team !== undefined && mayReadTeamOverview(caller, caller.team), 'team', 'Team', '/team'],
    // The head of service oversees every team: the same page, where they pick one.
    [caller.roles.includes('head_of_service'), 'team', 'Teams', '/team'],
    [mayReadLegalQueue(caller), 'legal', 'Legal referrals', '/legal'],
    ['sharedWith' in scope, 'shared', 'Shared with your agency', '/shared'],
    [isForumMember(caller), 'forums', 'Forums', '/forums'],
    [isAdmin(caller), 'admin', 'Admin', '/admin/notifications'],
  ];
  return items.filter(([shown]) => shown).map(([, key, text, href]) => ({ text, href, active: key === active }));
}
