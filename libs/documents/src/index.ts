export * from './render-pdf';
export * from './make-case-document';
