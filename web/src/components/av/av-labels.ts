import type { AvKind, AvRecord, InterruptionCause } from '../../api/av.js';
import { dayjs, zone } from '../../util/time.js';

export const avKindLabels: Record<AvKind, string> = { photo: '照片', audio: '录音', video: '录像', cctv: '监控视频' };
export const recordedByLabels = { officer: '执法人员', party: '当事人' } as const;
// The same words as INTERRUPTION_CAUSES in src/domains/av/schemas.ts.
export const causeLabels: Record<InterruptionCause, string> = { device_fault: '设备故障', battery: '电量不足', storage: '存储空间不足', weather: '天气原因', obstruction: '当事人阻挠', other: '其他' };
export const AV_CLASSIFICATIONS = ['现场执法', '调查取证', '询问笔录', '文书送达', '查封扣押', '强制执行', '听证', '其他'];

/** 03:12 or 1:02:03 for a second of a recording. */
export function clock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function fileSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export const isOrganised = (r: Pick<AvRecord, 'organisedAt'>) => Boolean(r.organisedAt);

/** How long after the end of recording it reached the system (AV-4), in words. */
export function storageDelay(r: Pick<AvRecord, 'endedAt' | 'ingestedAt'>): string | null {
  if (!r.endedAt) return null;
  const minutes = dayjs(r.ingestedAt).diff(dayjs(r.endedAt), 'minute');
  if (minutes < 60) return `结束后 ${Math.max(minutes, 0)} 分钟入库`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `结束后 ${hours} 小时入库` : `结束后 ${Math.round(hours / 24)} 天入库`;
}

/** A recording ended on an earlier Beijing day: it may be past its storage deadline (AV-4). */
export const endedBeforeToday = (endedAt: string | null | undefined) => Boolean(endedAt && dayjs(endedAt).tz(zone).isBefore(dayjs().tz(zone).startOf('day')));
