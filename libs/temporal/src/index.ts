export * from './search-attribute-registration';
export * from './manager-digest-schedule';
