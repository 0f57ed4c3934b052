import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Server } from '@tus/server';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../server/context.js';
import { actorOf, principalOf } from '../../../server/http/auth-hooks.js';
import type { Actor } from '../../audit/record-audit.js';
import { completeUpload } from './complete-upload.js';
import { DurableFileStore } from './durable-file-store.js';
import { PgUploadLocker } from './pg-upload-locker.js';
import { startUpload } from './start-upload.js';
import { toTusError } from './tus-error.js';
import { parseUploadMetadata } from './upload-metadata.js';

export const recordIdHeader = 'Liuhen-Av-Record-Id';
export const objectHashHeader = 'Liuhen-Object-Sha256';

type IngestCall = { agencyId: string; userId: string; actor: Actor };

/**
 * The tus 1.0 server (AV-2). Fastify has already authenticated and authorised the request
 * (routes.ts); what it learned travels to the tus hooks keyed by the raw Node request.
 */
export function createTusServer(ctx: AppContext) {
  const uploadDir = join(ctx.config.dataDir, 'uploads');
  const datastore = new DurableFileStore(ctx.db, { directory: uploadDir, expirationPeriodInMilliseconds: ctx.config.uploadExpiryMs });
  const calls = new WeakMap<object, IngestCall>();
  const callOf = (req: { runtime?: { node?: { req: object } } }) => {
    const call = req.runtime?.node ? calls.get(req.runtime.node.req) : undefined;
    if (!call) throw toTusError(new Error('tus request without an authorised caller'));
    return call;
  };

  // PGlite is one process by nature: tus's in-memory locker suffices. PostgreSQL may be shared by
  // several app processes: their uploads are locked in the database.
  const locker = ctx.dbKind === 'postgres' && ctx.config.databaseUrl ? new PgUploadLocker(ctx.config.databaseUrl) : undefined;
  const tus = new Server({
    ...(locker ? { locker } : {}),
    path: '/api/agencies/_/av/uploads', // unused: generateUrl builds each upload's URL from its request
    datastore,
    maxSize: ctx.config.uploadMaxBytes,
    respectForwardedHeaders: ctx.config.trustProxy,
    allowedOrigins: [], // same-origin web app and command-line agents: no CORS grant
    exposedHeaders: [recordIdHeader, objectHashHeader],
    disableTerminationForFinishedUploads: true,
    namingFunction: () => randomBytes(16).toString('hex'),
    generateUrl: (req, { proto, host, id }) => `${proto}://${host}${new URL(req.url).pathname.replace(/\/+$/, '')}/${id}`,
    onUploadCreate: async (req, upload) => {
      const call = callOf(req);
      try {
        const metadata = parseUploadMetadata(upload.metadata);
        const now = ctx.clock();
        await startUpload(ctx.db, call.actor, { uploadId: upload.id, agencyId: call.agencyId, userId: call.userId, size: upload.size, metadata, maxBytes: ctx.config.uploadMaxBytes, expiresAt: new Date(now.getTime() + ctx.config.uploadExpiryMs) }, now);
      } catch (err) {
        throw toTusError(err);
      }
      return {};
    },
    onUploadFinish: async (req, upload) => {
      const call = callOf(req);
      try {
        const done = await completeUpload(ctx, call.actor, upload.id, datastore.pathOf(upload.id), ctx.clock(), () => datastore.takeSha256(upload.id));
        return { headers: { [recordIdHeader]: done.avRecordId, [objectHashHeader]: done.objectKey } };
      } catch (err) {
        throw toTusError(err);
      }
    },
    onResponseError: (_req, err) => ('status_code' in err ? undefined : toTusError(err)),
  });

  return {
    tus,
    datastore,
    uploadDir,
    close: async () => locker?.close(),
    /** Hands a Fastify request (already authorised) to tus, with who is calling. */
    handle: async (request: FastifyRequest, res: ServerResponse, agencyId: string) => {
      calls.set(request.raw, { agencyId, userId: principalOf(request).userId, actor: actorOf(request) });
      await tus.handle(request.raw, res);
    },
  };
}


