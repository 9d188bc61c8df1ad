export * from './caller';
export * from './dev-issuer';
export * from './token-verifier';
