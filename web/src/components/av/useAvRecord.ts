import { avApi } from '../../api/av.js';
import { matterApi, policyApi } from '../../api/index.js';
import { useLoad } from '../../util/useLoad.js';

/**
 * One record with what its page needs: the matter it belongs to (for steps and officers) and the
 * key points the agency's checklist lists for the activity of its step (CHK-2).
 */
export function useAvRecord(agencyId: string, recordId: string) {
  const record = useLoad(() => avApi.get(agencyId, recordId), [agencyId, recordId]);
  const matterId = record.data?.matterId ?? null;
  const matter = useLoad(() => matterApi.get(agencyId, matterId!), [agencyId, matterId], !!matterId);
  const policy = useLoad(() => policyApi.current(agencyId), [agencyId]);
  const step = matter.data?.steps.find((s) => s.id === record.data?.stepId) ?? null;
  const category = matter.data?.matter.category;
  const rows = policy.data?.current?.profile.checklist.rows ?? [];
  const row = step && category ? rows.find((r) => r.activity === step.step && (r.categories as string[]).includes(category)) : undefined;
  const keyPoints = [...new Set(row?.keyPoints ?? [])];
  return { record, matter, step, checklistRow: row ?? null, keyPoints };
}
