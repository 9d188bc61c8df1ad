export * from './accounts';
export * from './local-provider';
