import { z } from 'zod';
import { responseObject } from '../../../shared/http-schemas.js';

// Response views of the log's public API (INT-1). Hashes are base64, as in the checkpoint note.

const b64Hash = z.string().describe('SHA-256，base64');
const index = (what: string) => z.coerce.number({ error: `${what}必须是整数` }).int(`${what}必须是整数`).min(0, `${what}不能为负数`).max(Number.MAX_SAFE_INTEGER, `${what}过大`);
const size = (what: string) => index(what).min(1, `${what}至少为 1`);

export const inclusionQuery = z.object({ leafIndex: index('叶子序号'), treeSize: size('树大小') });
export const consistencyQuery = z.object({ fromSize: size('起始树大小'), toSize: size('目标树大小') });
export const checkpointsQuery = z.object({ fromSize: index('起始树大小').default(0), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const leafParams = z.object({ leafIndex: index('叶子序号') });

export const publicKeyView = responseObject({
  origin: z.string().describe('检查点第一行：日志名称'),
  verifierKey: z.string().describe('Go sumdb/note 格式的验证公钥'),
  algorithm: z.literal('Ed25519'),
}).meta({ id: 'LogPublicKey' });

export const checkpointView = responseObject({
  treeSize: z.number(),
  rootHash: b64Hash,
  note: z.string().describe('C2SP tlog-checkpoint 签名文本，原样'),
  createdAt: z.string(),
}).meta({ id: 'LogCheckpoint' });

export const checkpointPage = responseObject({ items: z.array(checkpointView), nextFromSize: z.number().nullable() }).meta({ id: 'LogCheckpointPage' });

export const inclusionView = responseObject({ leafIndex: z.number(), treeSize: z.number(), leafHash: b64Hash, hashes: z.array(b64Hash) }).meta({ id: 'LogInclusionProof' });
export const consistencyView = responseObject({ fromSize: z.number(), toSize: z.number(), hashes: z.array(b64Hash) }).meta({ id: 'LogConsistencyProof' });
export const leafView = responseObject({
  leafIndex: z.number(),
  auditSeq: z.number(),
  leafHash: b64Hash,
  leafData: z.string().nullable().describe('叶子承诺的审计事件（规范 JSON，原样字节）；仅可查看该审计事件者可见，否则为 null'),
}).meta({ id: 'LogLeaf' });

export const presentCheckpoint = (c: { treeSize: number; rootHash: Buffer; note: string; createdAt: Date }) => ({
  treeSize: c.treeSize,
  rootHash: c.rootHash.toString('base64'),
  note: c.note,
  createdAt: c.createdAt.toISOString(),
});
