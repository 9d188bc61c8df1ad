export * from './staff-directory';
