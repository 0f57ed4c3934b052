import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Server } from '@tus/server';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../../server/context.js';
import { actorOf, principalOf } from '../../../server/http/auth-hooks.js';
import type { Actor } from '../../audit/record-audit.js';
import type { Principal } from '../../auth/principal.js';
import { sniffHeadLength } from '../media-kind.js';
import { uploadLimitOf } from './check-upload-size.js';
import { completeUpload } from './complete-upload.js';
import { DurableFileStore } from './durable-file-store.js';
import { PgUploadLocker } from './pg-upload-locker.js';
import { startUpload } from './start-upload.js';
import { isOurTusError, toTusError } from './tus-error.js';
import { refuseUnlessMedia } from './type-by-content.js';
import { parseUploadMetadata } from './upload-metadata.js';

export const recordIdHeader = 'Liuhen-Av-Record-Id';
export const objectHashHeader = 'Liuhen-Object-Sha256';

type IngestCall = { agencyId: string; principal: Principal; actor: Actor };

/**
 * The tus 1.0 server (AV-2). Fastify has already authenticated and authorised the request
 * (routes.ts); who is calling travels to the tus hooks and the store in the request's async
 * context (the store's write is not given the request).
 */
export function createTusServer(ctx: AppContext) {
  const uploadDir = join(ctx.config.dataDir, 'uploads');
  const calls = new AsyncLocalStorage<IngestCall>();
  const callOf = () => {
    const call = calls.getStore();
    if (!call) throw toTusError(new Error('tus request without an authorised caller'));
    return call;
  };
  const limitBytes = async () => (await uploadLimitOf(ctx.db, callOf().agencyId, ctx.config.uploadMaxBytes)).maxBytes;
  const datastore: DurableFileStore = new DurableFileStore(ctx.db, {
    directory: uploadDir,
    expirationPeriodInMilliseconds: ctx.config.uploadExpiryMs,
    // Type by content as soon as the PATCH that carries the head is on disk, not at the end.
    afterWrite: async (id, from, to) => {
      if (from < sniffHeadLength && to >= sniffHeadLength) await refuseUnlessMedia(ctx.db, callOf().actor, id, datastore.pathOf(id), ctx.clock());
    },
  });

  // PGlite is one process by nature: tus's in-memory locker suffices. PostgreSQL may be shared by
  // several app processes: their uploads are locked in the database.
  const locker = ctx.dbKind === 'postgres' && ctx.config.databaseUrl ? new PgUploadLocker(ctx.config.databaseUrl) : undefined;
  const tus = new Server({
    ...(locker ? { locker } : {}),
    path: '/api/agencies/_/av/uploads', // unused: generateUrl builds each upload's URL from its request
    datastore,
    // Per request, the agency's limit in force: tus then bounds what a creation or PATCH may declare.
    maxSize: limitBytes,
    respectForwardedHeaders: ctx.config.trustProxy,
    allowedOrigins: [], // same-origin web app and command-line agents: no CORS grant
    exposedHeaders: [recordIdHeader, objectHashHeader],
    disableTerminationForFinishedUploads: true,
    namingFunction: () => randomBytes(16).toString('hex'),
    // From configuration, never from the Host header (which the caller chooses).
    generateUrl: (req, { id }) => `${ctx.config.publicUrl ?? ''}${new URL(req.url).pathname.replace(/\/+$/, '')}/${id}`,
    onUploadCreate: async (_req, upload) => {
      const call = callOf();
      try {
        const metadata = parseUploadMetadata(upload.metadata);
        const limit = await uploadLimitOf(ctx.db, call.agencyId, ctx.config.uploadMaxBytes);
        const now = ctx.clock();
        await startUpload(ctx.db, call.actor, { uploadId: upload.id, agencyId: call.agencyId, principal: call.principal, size: upload.size, metadata, limit, expiresAt: new Date(now.getTime() + ctx.config.uploadExpiryMs) }, now);
      } catch (err) {
        throw toTusError(err);
      }
      return {};
    },
    onUploadFinish: async (_req, upload) => {
      const call = callOf();
      try {
        const done = await completeUpload(ctx, call.actor, upload.id, datastore.pathOf(upload.id), ctx.clock(), () => datastore.takeSha256(upload.id));
        return { headers: { [recordIdHeader]: done.avRecordId, [objectHashHeader]: done.objectKey } };
      } catch (err) {
        throw toTusError(err);
      }
    },
    onResponseError: (_req, err) => (isOurTusError(err) ? undefined : toTusError(err)),
  });

  return {
    tus,
    datastore,
    uploadDir,
    close: async () => locker?.close(),
    /** Hands a Fastify request (already authorised) to tus, with who is calling. */
    handle: async (request: FastifyRequest, res: ServerResponse, agencyId: string) => {
      await calls.run({ agencyId, principal: principalOf(request), actor: actorOf(request) }, () => tus.handle(request.raw, res));
    },
  };
}
