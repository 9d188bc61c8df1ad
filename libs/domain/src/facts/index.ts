export * from './plain-text';
export * from './plausible-dates';
export * from './postcode';
