import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { certificateValidOn } from '../org/certificate.js';
import { officersByIds } from './load-matter.js';

/**
 * ORG-2: only officers of this agency with a certificate valid on the day may be recorded as
 * carrying out enforcement (S3 法制审核办法 第九条(一)). The refusal names who and why.
 */
export async function checkOfficersMayAct(db: DbOrTx, agencyId: string, officerIds: string[], onDay: string) {
  const unique = [...new Set(officerIds)];
  const found = await officersByIds(db, agencyId, unique);
  const problems: string[] = [];
  if (found.length !== unique.length) problems.push('有执法人员不属于本机关');
  for (const o of found) {
    if (!o.active) problems.push(`${o.name}（${o.certificateNo}）已停用`);
    else if (!certificateValidOn(o, onDay)) problems.push(`${o.name}（${o.certificateNo}）的执法证在 ${onDay} 不在有效期内（${o.certificateValidFrom} 至 ${o.certificateValidTo}）`);
  }
  if (problems.length) throw new AppError('VALIDATION_FAILED', `执法人员不能执法：${problems.join('；')}`, { problems });
  return found;
}
