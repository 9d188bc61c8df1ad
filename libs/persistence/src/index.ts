export * from './case-record.entity';
export * from './orm-config';
export * from './migrate';
export * from './case-file-store';
export * from './case-reference-allocator';
export * from './idempotent-request-store';
export * from './audit-trail';
export * from './case-queries';
