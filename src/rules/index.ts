// The rules of Liuhen as pure code: calendar, deadlines, policy profiles, findings. No I/O.
export * from './calendar/index.js';
export * from './deadlines/index.js';
export * from './profiles/index.js';
export * from './findings/index.js';
export * from './law/index.js';
