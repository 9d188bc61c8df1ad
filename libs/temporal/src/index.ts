export * from './search-attribute-registration';
