export * from './mailer';
export * from './outbox';
export * from './overdue-review.template';
