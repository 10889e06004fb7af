export * from './auth.js';
export * from './local-issuer.js';
