import type { CheckReport, Discrepancy, IntegrityCheck } from './discrepancy.js';
import type { VerifyResult } from './run-verify.js';

// How a verify run reads for the operator (Chinese, one discrepancy per line) — the CLI prints it;
// the web page shows the same labels.

export const checkLabels: Record<IntegrityCheck, string> = {
  log: '日志（Merkle 树、叶子与签名检查点）',
  event: '审计事件（与日志叶子、内容哈希）',
  record: '不可变记录（与审计事件承诺的内容哈希）',
  object: '原件（按 SHA-256 重新计算）',
};

export function proofText(p: Discrepancy['proof']): string {
  if (!p) return '';
  const parts = [
    p.leafIndex !== undefined ? `日志第 ${p.leafIndex} 号叶子` : null,
    p.seq !== undefined ? `审计事件 ${p.seq}` : null,
    p.checkpointSize !== undefined ? `树大小 ${p.checkpointSize} 的签名检查点` : null,
    p.expected ? `应为 ${p.expected}` : null,
    p.actual ? `实为 ${p.actual}` : null,
  ].filter(Boolean);
  return parts.length ? `；证据：${parts.join('，')}` : '';
}

export const discrepancyLine = (d: Discrepancy) => `【${checkLabels[d.check].split('（')[0]}】表 ${d.table}，记录 ${d.recordId}：${d.what}${proofText(d.proof)}`;

export const reportLine = (r: CheckReport) => `${checkLabels[r.check]}：检查 ${r.examined} 项，${r.discrepancies.length ? `发现 ${r.discrepancies.length} 处问题` : '全部一致'}`;

export function formatResult(result: VerifyResult): string {
  const lines = [`完整性校验  开始 ${result.startedAt}  结束 ${result.finishedAt}`];
  for (const r of result.reports) lines.push(reportLine(r));
  if (result.objectBytesPerSecond) lines.push(`原件重算速度：${(result.objectBytesPerSecond / 1e6).toFixed(1)} MB/s`);
  const all = result.reports.flatMap((r) => r.discrepancies);
  for (const d of all) lines.push(discrepancyLine(d));
  lines.push(result.ok ? '结论：全部一致。' : `结论：发现 ${all.length} 处问题（见上）。`);
  return lines.join('\n');
}
