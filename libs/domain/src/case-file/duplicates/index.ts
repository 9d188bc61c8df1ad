export * from './possible-duplicates';
export * from './duplicate-decision';
