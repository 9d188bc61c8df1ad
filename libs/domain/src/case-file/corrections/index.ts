export * from './age-conflicts';
export * from './case-details';
export * from './case-notes';
export * from './parties';
