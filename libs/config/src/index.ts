export * from './app-config';
export * from './project-root';
export * from './document-store-config';
export * from './temporal-connection-config';
