export * from './mailer';
export * from './deliver';
export * from './smtp-failure';
export * from './templates/mail-layout';
export * from './templates/render-notice';
export * from './templates/pspo-notice.template';
