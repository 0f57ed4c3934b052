import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

// Times travel in UTC and are shown in Asia/Shanghai, whatever the tablet's own zone (INT-4).
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const zone = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(zone).format('YYYY-MM-DD HH:mm:ss') : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(zone).format('YYYY-MM-DD') : '—';
}

/** A wall-clock time picked on screen, read as Beijing time, as an ISO instant for the API. */
export function pickedToIso(value: Dayjs): string {
  return dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), zone).toISOString();
}

/** A calendar date ('YYYY-MM-DD') for a date picker and back. */
export const dateToPicker = (d: string | null | undefined) => (d ? dayjs(d, 'YYYY-MM-DD') : undefined);
export const pickerToDate = (d: Dayjs) => d.format('YYYY-MM-DD');

export { dayjs };
