export * from './notice';
export * from './coming-due';
export * from './case-notices';
export * from './delivered';
