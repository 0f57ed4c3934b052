export * from './hearing.js';
export * from './records.js';
export * from './vocabulary.js';
