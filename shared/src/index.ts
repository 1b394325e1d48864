export * from './roles.js';
export * from './agencies.js';
export * from './password.js';
