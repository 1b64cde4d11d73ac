/**
 * Schedule periods written the way people say them: `mon-fri 08:00-12:00`, `1,3,5 14:00-18:00`,
 * `09:00-17:00 months=1-6 days=1,15`. Days of the week are Wazo's 1 (Monday) to 7 (Sunday).
 */
import { usageError } from '../core/errors.js';

export interface Period {
  hours_start: string;
  hours_end: string;
  week_days?: number[];
  month_days?: number[];
  months?: number[];
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const HOURS = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/;

function number(token: string, max: number, text: string): number {
  const day = DAYS.indexOf(token.toLowerCase().slice(0, 3));
  const value = max === 7 && day >= 0 ? day + 1 : Number(token);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw usageError(`period "${text}": ${token} is not between 1 and ${max}`);
  return value;
}

/** `1-5`, `mon,wed,fri`, `1-3,10`. */
function numbers(spec: string, max: number, text: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [from, to] = part.split('-');
    const start = number(from!, max, text);
    const end = to === undefined ? start : number(to, max, text);
    if (end < start) throw usageError(`period "${text}": ${part} goes backwards`);
    return Array.from({ length: end - start + 1 }, (_, i) => start + i);
  });
}

export function parsePeriod(text: string): Period {
  let hours: RegExpExecArray | null = null;
  const period: Partial<Period> = {};
  for (const token of text.trim().split(/\s+/)) {
    const [key, value] = token.includes('=') ? token.split('=', 2) : [undefined, token];
    if (key === 'days') period.month_days = numbers(value!, 31, text);
    else if (key === 'months') period.months = numbers(value!, 12, text);
    else if (key !== undefined) throw usageError(`period "${text}": unknown ${key}= (use days= or months=)`);
    else if (HOURS.test(token)) hours = HOURS.exec(token);
    else period.week_days = numbers(token, 7, text);
  }
  if (!hours) throw usageError(`period "${text}": no hours, e.g. "mon-fri 08:00-17:00"`);
  return { hours_start: hours[1]!, hours_end: hours[2]!, ...period };
}

export function collectPeriods(value: string, previous: Period[] = []): Period[] {
  return [...previous, parsePeriod(value)];
}

function ranges(values: number[] | undefined, max: number, names?: string[]): string {
  if (!values || values.length === 0 || values.length === max) return '';
  const out: string[] = [];
  const label = (n: number) => names?.[n - 1] ?? String(n);
  for (let i = 0; i < values.length; i++) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j]! + 1) j++;
    out.push(j > i ? `${label(values[i]!)}-${label(values[j]!)}` : label(values[i]!));
    i = j;
  }
  return out.join(',');
}

/** The reverse of parsePeriod, for tables. */
export function formatPeriod(period: Period): string {
  const month = ranges(period.month_days, 31);
  const months = ranges(period.months, 12);
  return [
    ranges(period.week_days, 7, DAYS),
    `${period.hours_start}-${period.hours_end}`,
    month && `days=${month}`,
    months && `months=${months}`,
  ]
    .filter(Boolean)
    .join(' ');
}
