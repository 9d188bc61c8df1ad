export * from './accounts';
export * from './local-provider';
export * from './pages';
