import { formatShanghai } from '../calendar/shanghai-day.js';
import { describeDeadlineRule, type DeadlineRule } from '../deadlines/deadline-rule.js';
import { STEP_LABELS } from '../matters/activity-labels.js';
import { ENFORCEMENT_CATEGORIES } from '../profiles/vocabulary.js';
import { documentType } from '../documents/catalogue/index.js';
import type { Finding, FindingKind } from './finding.js';

const documentTypeName = (id: string) => documentType(id)?.name ?? id;

// One Chinese sentence per finding, for lists and notifications. Kept apart from the engine so
// that evaluating many matters builds no text; callers describe only the findings they show.

const DUTIES: Record<Exclude<FindingKind, 'av_missing_for_mandatory_activity' | 'av_made_where_forbidden' | 'too_few_officers' | 'document_missing' | 'object_fixity' | 'law_deadline' | 'heavier_penalty_after_statements'>, (f: Finding) => string> = {
  av_storage_deadline: (f) => `${avRecordName(f)}储存`,
  av_organising_deadline: (f) => `${avRecordName(f)}分类整理`,
  archive_deadline: () => '案卷归档',
  disclosure_deadline: () => '执法决定信息公开',
  legal_review_deadline: (f) => (f.detail['extended'] ? '法制审核（已批准延长）' : '法制审核'),
  emergency_retro_approval_deadline: () => '紧急启动后补报审批',
};

// By its title or file name when it has one; else by the start of its id, as activities are.
const avRecordName = (f: Finding) => {
  const label = f.detail['recordLabel'];
  return typeof label === 'string' && label ? `音像记录「${label}」` : `音像记录（${f.objectId.slice(0, 8)}）`;
};

export function describeFinding(finding: Finding): string {
  const detail = finding.detail;
  const activity = `${labelOf(STEP_LABELS, detail['activity'])}（${finding.objectId.slice(0, 8)}）`;
  switch (finding.kind) {
    case 'av_missing_for_mandatory_activity':
      return `${labelOf(ENFORCEMENT_CATEGORIES, detail['category'])}的${activity}应当音像记录，但没有音像记录，也没有书面说明理由`;
    case 'av_made_where_forbidden':
      return `${activity}按音像记录事项清单不得音像记录，但有音像记录`;
    case 'document_missing':
      return `${activity}没有制作执法文书（缺：${(detail['missingDocumentTypes'] as string[]).map((g) => g.split('|').map((id) => documentTypeName(id)).join('或')).join('、')}）${finding.state === 'late' ? '，已超过当日' : '，应于当日制作'}`;
    case 'too_few_officers':
      return `${activity}仅有 ${String(detail['officerCount'])} 名执法人员，少于 ${String(detail['minimum'])} 名`;
    case 'law_deadline':
      return describeLawDeadline(finding);
    case 'object_fixity':
      return `${labelOf(STORED_OBJECT_LABELS, detail['table'])}的原件${labelOf(FIXITY_OUTCOMES, detail['outcome'])}（定期校验，SHA-256 ${finding.objectId.slice(0, 12)}…）`;
    case 'heavier_penalty_after_statements':
      return `当事人陈述、申辩后，行政处罚决定书的罚款 ${String(detail['decidedFine'])} 元高于事先告知书拟罚款 ${String(detail['proposedFine'])} 元（不得因陈述、申辩加重处罚；如有新的事实，应重新告知）`;
    default:
      return describeDeadlineFinding(finding, DUTIES[finding.kind](finding));
  }
}

/** '作出处罚决定期限：行政机关应于 2026-04-05 前作出行政处罚决定，已逾期 3 天' */
function describeLawDeadline(finding: Finding): string {
  const d = finding.detail as { name: string; act: string; actor: string; subject: string | null; due: string; doneOn: string | null };
  const who = d.actor === 'party' ? '当事人' : '行政机关';
  const head = `${d.name}${d.subject ? `（${d.subject}）` : ''}：${who}应于 ${d.due} 前${d.act}`;
  if (finding.state === 'due_soon') return `${head}，今日届满`;
  const late = describeDuration(finding.lateByMs ?? 0);
  return d.doneOn ? `${head}，实际 ${d.doneOn} 完成，逾期${late}` : `${head}，已逾期${late}，尚未完成`;
}

function describeDeadlineFinding(finding: Finding, duty: string): string {
  const rule = finding.detail['deadlineRule'] as DeadlineRule;
  const metAt = finding.detail['metAt'] as Date | null;
  const limit = `${describeDeadlineRule(rule)}，${finding.dueAt ? formatShanghai(finding.dueAt) : ''} 前`;
  if (finding.state === 'due_soon') return `${duty}即将到期（${limit}）`;
  const late = describeDuration(finding.lateByMs ?? 0);
  const sentence = metAt
    ? `${duty}逾期${late}（${limit}，实际 ${formatShanghai(metAt)}）`
    : `${duty}已逾期${late}，尚未完成（${limit}）`;
  if (finding.kind !== 'av_storage_deadline') return sentence;
  const reason = finding.detail['reasonGiven'];
  return `${sentence}；${typeof reason === 'string' && reason ? `说明：${reason}` : '未说明理由'}`;
}

const STORED_OBJECT_LABELS: Record<string, string> = { av_records: '音像记录', av_derivatives: '音像记录的转码文件', document_signatures: '文书签名', document_attachments: '文书扫描件', step_approvals: '审批签名' };
const FIXITY_OUTCOMES: Record<string, string> = { missing: '缺失', changed: '内容与其 SHA-256 不符（被改动）', unreadable: '无法读取', overwritten: '在存储桶中被另行写入或标记删除（原始版本完好）' };

function labelOf(labels: Record<string, string>, id: unknown): string {
  return typeof id === 'string' ? (labels[id] ?? id) : '';
}

/** '3小时20分' / '2天5小时' / '15分'. */
export function describeDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days}天${hours > 0 ? `${hours}小时` : ''}`;
  if (hours > 0) return `${hours}小时${rest > 0 ? `${rest}分` : ''}`;
  return `${rest}分`;
}
