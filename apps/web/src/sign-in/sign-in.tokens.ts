export type { SignInConfig } from './sign-in-config';
export const SIGN_IN_CONFIG = Symbol('SignInConfig');
