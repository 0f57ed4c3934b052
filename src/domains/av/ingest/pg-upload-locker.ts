import { setTimeout as sleep } from 'node:timers/promises';
import type { Lock, Locker, RequestRelease } from '@tus/utils';
import pg from 'pg';
import { toTusError } from './tus-error.js';
import { AppError } from '../../../shared/errors.js';

// Advisory locks take (class, key); the class keeps upload locks apart from the migration lock.
const lockClass = 0x7475;
const releaseChannel = 'liuhen_upload_release';

/**
 * A tus Locker that holds across processes (AV-2, AV-3): one PostgreSQL session-level advisory lock
 * per upload, held on its own connection for the whole request. Two app processes sharing the
 * database and the store can then never write the same upload at once — without it, a resumed
 * PATCH on process B could write into a file process A is finishing (and adopting as an original).
 * A waiting request asks the holder to let go (the tus protocol's "cancel the stale request") by a
 * NOTIFY every process LISTENs for. If the holder's process dies, PostgreSQL ends its session and
 * the lock with it: a killed server never leaves an upload locked.
 */
export class PgUploadLocker implements Locker {
  private readonly pool: pg.Pool;
  private listener?: Promise<pg.Client>;
  private readonly held = new Map<string, RequestRelease>();
  private closed = false;

  constructor(
    databaseUrl: string,
    readonly acquireTimeoutMs = 30_000,
  ) {
    // A connection per upload being written: separate from the app's pool so uploads cannot starve queries.
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 64, idleTimeoutMillis: 10_000 });
    this.pool.on('error', () => undefined); // an idle connection that broke is simply dropped
  }

  newLock(id: string): Lock {
    return new PgUploadLock(id, this);
  }

  async close() {
    this.closed = true;
    const listener = await this.listener?.catch(() => undefined);
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }

  /** @internal */
  async connect() {
    if (this.closed) throw new AppError('UPLOAD_BUSY', '服务器正在停止，请稍后续传');
    await this.listen();
    return this.pool.connect();
  }

  /** @internal */
  holding(id: string, release: RequestRelease | undefined) {
    if (release) this.held.set(id, release);
    else this.held.delete(id);
  }

  // One LISTEN connection per process; a broken one is replaced on the next lock.
  private listen() {
    this.listener ??= (async () => {
      const client = new pg.Client({ connectionString: (this.pool.options as { connectionString: string }).connectionString });
      client.on('error', () => {
        this.listener = undefined;
      });
      client.on('notification', (msg) => {
        if (msg.channel === releaseChannel && msg.payload) void this.held.get(msg.payload)?.();
      });
      await client.connect();
      await client.query(`listen ${releaseChannel}`);
      return client;
    })().catch((err: unknown) => {
      this.listener = undefined;
      throw err;
    });
    return this.listener;
  }
}

class PgUploadLock implements Lock {
  private client?: pg.PoolClient;
  private onLost?: () => void;

  constructor(
    private readonly id: string,
    private readonly locker: PgUploadLocker,
  ) {}

  async lock(stop: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const client = await this.locker.connect();
    const deadline = Date.now() + this.locker.acquireTimeoutMs;
    try {
      for (;;) {
        const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as ok', [lockClass, this.id]);
        if (rows[0]?.ok) break;
        // Held elsewhere (this process or another): ask the holder to end its request, then retry.
        await client.query('select pg_notify($1, $2)', [releaseChannel, this.id]);
        if (stop.aborted || Date.now() > deadline) throw busy();
        await sleep(50, undefined, { signal: stop }).catch(() => undefined);
      }
    } catch (err) {
      client.release();
      throw err instanceof AppError ? toTusError(err) : err;
    }
    this.client = client;
    this.locker.holding(this.id, requestRelease);
    // Losing the connection loses the lock: the request holding it must stop writing at once.
    this.onLost = () => void requestRelease();
    client.on('error', this.onLost);
  }

  async unlock(): Promise<void> {
    const client = this.client;
    if (!client) throw new Error('Releasing an unlocked lock!');
    this.client = undefined;
    this.locker.holding(this.id, undefined);
    if (this.onLost) client.off('error', this.onLost);
    try {
      await client.query('select pg_advisory_unlock($1, hashtext($2))', [lockClass, this.id]);
      client.release();
    } catch (err) {
      // A connection that failed here is destroyed, and its session's locks end with it.
      client.release(err as Error);
    }
  }
}

const busy = () => new AppError('UPLOAD_BUSY', '该上传正由另一请求写入，请稍后续传');
