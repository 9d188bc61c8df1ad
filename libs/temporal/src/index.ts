export * from './search-attribute-registration';
export * from './schedules';
export * from './connection-options';
