export * from './calendar';
export * from './bank-holidays';
export * from './working-days';
export * from './case-classification';
export * from './case-reference';
export * from './deadline';
export * from './case-file';
export * from './policy';
