export * from './pspo';
export * from './pspo-area';
export * from './pspo-terms';
export * from './pspo-refusal-conditions';
export * from './pspo-duration';
export * from './pspo-local-policy';
export * from './pspo-consultation';
export * from './make-pspo';
