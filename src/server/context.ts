import type { Db } from '../db/client.js';
import type { ObjectStore } from '../store/object-store.js';
import type { Config } from './config.js';

/** What a use case may reach: passed in, so tests use a real database and a temp store. */
export type AppContext = {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  store: ObjectStore;
  clock: () => Date;
};
