export * from './forum-meeting';
