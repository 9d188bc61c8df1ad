export * from './app-config';
export * from './project-root';
