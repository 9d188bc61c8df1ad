import { SetMetadata } from '@nestjs/common';

export const AUDIT_ACTION = Symbol('audit-action');

/** Names what a route does in the audit trail: `case.view`, `case.search`, `case.command.recordReview`. */
export const AuditAction = (action: string) => SetMetadata(AUDIT_ACTION, action);

/**
 * What a handler hands the audit trail about the change it made. `restrictedShown`: the restricted cases
 * (CSE, Prevent) a list or search showed, each then audited as viewed under its own reference.
 */
export interface AuditedRequest {
  audit?: { reference?: string; before?: unknown; after?: unknown; restrictedShown?: readonly string[] };
}
