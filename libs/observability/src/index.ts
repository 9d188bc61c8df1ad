export * from './logger';
export * from './metrics';
export * from './temporal-log-forwarding';
export * from './tracing';
export * from './request-logging';
