export * from './mailer';
export * from './outbox';
export * from './deadline-alert.template';
