export * from './org.js';
export * from './auth.js';
export * from './audit.js';
export * from './policy.js';
export * from './matters.js';
export * from './documents.js';
export * from './av.js';
export * from './legal-review.js';
