import { Migration20261126000000_case_read_model } from './Migration20261126000000_case_read_model';
import { Migration20261126100000_case_forum_and_closure } from './Migration20261126100000_case_forum_and_closure';
import { Migration20261126200000_audit_trail } from './Migration20261126200000_audit_trail';
import { Migration20261126300000_list_indexes } from './Migration20261126300000_list_indexes';
import { Migration20261126400000_case_shares } from './Migration20261126400000_case_shares';
import { Migration20261126500000_partner_actions } from './Migration20261126500000_partner_actions';
import { Migration20261126600000_idempotent_responses } from './Migration20261126600000_idempotent_responses';
import { Migration20261126700000_notification_outbox } from './Migration20261126700000_notification_outbox';
import { Migration20261126750000_case_parties_and_incidents } from './Migration20261126750000_case_parties_and_incidents';
import { Migration20261126760000_case_file_document } from './Migration20261126760000_case_file_document';
import { Migration20261126780000_forum_meetings } from './Migration20261126780000_forum_meetings';
import { Migration20261126800000_list_sort_indexes } from './Migration20261126800000_list_sort_indexes';
import { Migration20261126810000_case_review_overdue } from './Migration20261126810000_case_review_overdue';
import { Migration20261201000000_case_save_failures } from './Migration20261201000000_case_save_failures';
import { Migration20261201100000_late_entry } from './Migration20261201100000_late_entry';
import { Migration20261201120000_case_search } from './Migration20261201120000_case_search';
import { Migration20261201130000_case_links } from './Migration20261201130000_case_links';
import { Migration20261201140000_search_words } from './Migration20261201140000_search_words';
import { Migration20261201150000_web_session } from './Migration20261201150000_web_session';
import { Migration20261201160000_case_document } from './Migration20261201160000_case_document';

/** Every migration, in order. Listed rather than globbed so that the compiled service and the tests run the same set. */
export const MIGRATIONS = [
  { name: 'Migration20261126000000_case_read_model', class: Migration20261126000000_case_read_model },
  { name: 'Migration20261126100000_case_forum_and_closure', class: Migration20261126100000_case_forum_and_closure },
  { name: 'Migration20261126200000_audit_trail', class: Migration20261126200000_audit_trail },
  { name: 'Migration20261126300000_list_indexes', class: Migration20261126300000_list_indexes },
  { name: 'Migration20261126400000_case_shares', class: Migration20261126400000_case_shares },
  { name: 'Migration20261126500000_partner_actions', class: Migration20261126500000_partner_actions },
  { name: 'Migration20261126600000_idempotent_responses', class: Migration20261126600000_idempotent_responses },
  { name: 'Migration20261126700000_notification_outbox', class: Migration20261126700000_notification_outbox },
  { name: 'Migration20261126750000_case_parties_and_incidents', class: Migration20261126750000_case_parties_and_incidents },
  { name: 'Migration20261126760000_case_file_document', class: Migration20261126760000_case_file_document },
  { name: 'Migration20261126780000_forum_meetings', class: Migration20261126780000_forum_meetings },
  { name: 'Migration20261126800000_list_sort_indexes', class: Migration20261126800000_list_sort_indexes },
  { name: 'Migration20261126810000_case_review_overdue', class: Migration20261126810000_case_review_overdue },
  { name: 'Migration20261201000000_case_save_failures', class: Migration20261201000000_case_save_failures },
  { name: 'Migration20261201100000_late_entry', class: Migration20261201100000_late_entry },
  { name: 'Migration20261201120000_case_search', class: Migration20261201120000_case_search },
  { name: 'Migration20261201130000_case_links', class: Migration20261201130000_case_links },
  { name: 'Migration20261201140000_search_words', class: Migration20261201140000_search_words },
  { name: 'Migration20261201150000_web_session', class: Migration20261201150000_web_session },
  { name: 'Migration20261201160000_case_document', class: Migration20261201160000_case_document },
];
