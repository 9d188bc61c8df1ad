export * from './dates-in-words';
export * from './fill-document';
export * from './filled-document';
