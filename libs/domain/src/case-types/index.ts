export * from './restriction';
export * from './restricted-types';
export * from './statistics-minimum';
