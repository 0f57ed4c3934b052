export * from './service-record.js';
export * from './party-deadlines.js';
