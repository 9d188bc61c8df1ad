export * from './local-policy';
export * from './policy-versions';
export * from './statutory-rules';
export * from './document-kinds';
export * from './document-templates';
