import { Migration20261126000000_case_read_model } from './Migration20261126000000_case_read_model';
import { Migration20261126100000_case_forum_and_closure } from './Migration20261126100000_case_forum_and_closure';

/** Every migration, in order. Listed rather than globbed so that the compiled service and the tests run the same set. */
export const MIGRATIONS = [
  { name: 'Migration20261126000000_case_read_model', class: Migration20261126000000_case_read_model },
  { name: 'Migration20261126100000_case_forum_and_closure', class: Migration20261126100000_case_forum_and_closure },
];
