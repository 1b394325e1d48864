export * from './catalogue.js';
export * from './score.js';
