import type { StaffDirectory } from '../../../../libs/directory/src';
import { SYSTEM_ACTOR } from '../../../../libs/domain/src';

/** People by name, not by their account id; the service itself (a timer, a schedule) by what it is. */
export function staffNameOf(directory: StaffDirectory, id: string | null | undefined): string | null {
  if (!id) return null;
  return id === SYSTEM_ACTOR ? 'the service' : (directory.find(id)?.name ?? id);
}
