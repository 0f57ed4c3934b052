// Helpers shared by the rules tests (not used by production code).

/** A Shanghai wall-clock time, '2026-02-13 16:00', as a UTC instant. */
export function shanghai(local: string): Date {
  const [date, time = '00:00'] = local.split(' ');
  const withSeconds = time.length === 5 ? `${time}:00` : time;
  return new Date(`${date}T${withSeconds}+08:00`);
}

/** The close of a Shanghai day, 23:59:59.999. */
export function closeOf(date: string): Date {
  return shanghai(`${date} 23:59:59.999`);
}
