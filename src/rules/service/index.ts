export * from './service-record.js';
export * from './party-deadlines.js';
export * from './receipt-fields.js';
