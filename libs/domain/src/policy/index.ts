export * from './local-policy';
export * from './policy-versions';
