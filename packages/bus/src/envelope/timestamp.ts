/**
 * Python's `datetime.now().isoformat()`: naive local time, microseconds only when not zero. Wazo
 * consumers parse this field, so it must keep that exact shape.
 */
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function pythonLocalIsoformat(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  const micros = date.getMilliseconds() * 1000;
  return micros === 0 ? `${day}T${time}` : `${day}T${time}.${pad(micros, 6)}`;
}
