import { GetObjectLockConfigurationCommand, PutObjectLockConfigurationCommand, PutObjectRetentionCommand, S3ServiceException, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectInfo } from './object-store.js';
import type { ObjectLock } from './s3-upload.js';

/**
 * At start: originals belong in a bucket with Object Lock, so that neither the app's credentials
 * nor the storage administrator can delete or overwrite them before their retention ends (AV-3).
 * Object Lock can only be switched on when a bucket is created, so Liuhen does not create one;
 * it checks, sets a default COMPLIANCE retention when the bucket has none (objects written
 * without a date of their own are locked too), and returns Chinese warnings for the log.
 */
export async function prepareObjectLock(client: S3Client, bucket: string, defaultYears: number): Promise<{ locked: boolean; warnings: string[] }> {
  let config;
  try {
    config = (await client.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }))).ObjectLockConfiguration;
  } catch (err) {
    // The app's user may lack the right to read the configuration: then say so, and still try to
    // lock each original (a bucket without Object Lock refuses that, which shows at the first write).
    if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 403) {
      return { locked: true, warnings: [`【警告】无权读取对象存储桶 ${bucket} 的对象锁定配置（${err.name}），无法确认原始文件受合规保留保护。请为应用的存储账号授予 s3:GetBucketObjectLockConfiguration。`] };
    }
    if (!(err instanceof S3ServiceException && err.name === 'ObjectLockConfigurationNotFoundError')) throw err;
  }
  if (config?.ObjectLockEnabled !== 'Enabled') {
    return {
      locked: false,
      warnings: [
        `【警告】对象存储桶 ${bucket} 未启用对象锁定（Object Lock）：原始音像文件可被持有存储凭据的人删除或覆盖，不满足"只写一次"的要求（AV-3）。` +
          '请新建启用对象锁定的存储桶（创建时开启，启用版本控制）并迁移原始文件。',
      ],
    };
  }
  const rule = config.Rule?.DefaultRetention;
  if (!rule) {
    await client.send(new PutObjectLockConfigurationCommand({ Bucket: bucket, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Years: defaultYears } } } }));
    return { locked: true, warnings: [] };
  }
  if (rule.Mode !== 'COMPLIANCE') {
    return { locked: true, warnings: [`【警告】对象存储桶 ${bucket} 的默认保留模式为 ${rule.Mode}：持有绕过权限的人可提前删除未单独设定保留期的对象。建议改为 COMPLIANCE（合规）模式。`] };
  }
  return { locked: true, warnings: [] };
}

/**
 * The same bytes stored again for a record that must be kept longer: the original's COMPLIANCE
 * lock is extended to the later date (a lock can be extended, never shortened; an earlier date
 * leaves it as it is).
 */
export async function extendLock(client: S3Client, bucket: string, key: string, info: ObjectInfo, lock: ObjectLock | undefined, bucketLocked: boolean) {
  if (!lock || !info.versionId) return;
  // No lock on the original: only a bucket with Object Lock can give it one.
  if (info.retention ? info.retention.until.getTime() >= lock.until.getTime() : !bucketLocked) return;
  await client.send(
    new PutObjectRetentionCommand({ Bucket: bucket, Key: key, VersionId: info.versionId === 'null' ? undefined : info.versionId, Retention: { Mode: lock.mode, RetainUntilDate: lock.until } }),
  );
}
