import { MappingError } from './mapping-error.js';

/**
 * GP dates are calendar dates without time (FACTS §2: CHECK constraints demand midnight), and the calendar
 * is the store's: an order placed at 23:30 in Los Angeles belongs to that day, not to the next UTC day.
 */
export function storeDate(isoDateTime: string, timeZone: string, path: string): string {
  const instant = new Date(isoDateTime);
  if (Number.isNaN(instant.getTime()))
    throw new MappingError('gp_validation', `${path} "${isoDateTime}" is not a date`, path);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = dateFormatFor(timeZone).formatToParts(instant);
  } catch {
    throw new MappingError(
      'gp_validation',
      `profile.timezone "${timeZone}" is not an IANA time zone`,
      'profile.timezone',
    );
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    // Throws a RangeError for a zone that is not IANA; nothing is cached then.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * A custom-field value as a GP date (USRDAT01/02): accepts YYYY-MM-DD or an ISO date-time (taken in the
 * store's zone). Anything else is refused rather than guessed: "03/04/2026" means two different days.
 */
export function customFieldDate(value: string, timeZone: string, path: string): string {
  const trimmed = value.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    const check = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (
      check.getUTCFullYear() === Number(y) &&
      check.getUTCMonth() === Number(m) - 1 &&
      check.getUTCDate() === Number(d)
    )
      return trimmed;
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed) && !Number.isNaN(new Date(trimmed).getTime())) {
    return storeDate(trimmed, timeZone, path);
  }
  throw new MappingError('gp_validation', `${path} "${value}" is not a date (YYYY-MM-DD expected)`, path, {
    value,
  });
}
