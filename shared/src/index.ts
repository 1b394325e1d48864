export * from './roles.js';
export * from './agencies.js';
export * from './password.js';
export * from './screening/index.js';
export * from './young-people.js';
export * from './missing.js';
export * from './import/young-people-csv.js';
export * from './intelligence.js';
