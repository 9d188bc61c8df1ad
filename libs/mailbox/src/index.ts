export * from './capture-smtp-server';
