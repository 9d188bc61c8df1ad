export * from './dates-in-words';
export * from './fill-document';
export * from './filled-document';
export { type DocumentRequest, type DocumentSource, documentRecordId } from './document-source';
export * from './documents-on-record';
