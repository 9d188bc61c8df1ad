export * from './search-attribute-registration';
export * from './schedules';
