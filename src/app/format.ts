// The one number formatter: every number the user sees is written here, on Intl, in the
// interface language ("88.2 %" in English, "88,2 %" in Spanish).
import type { Lang } from '../core/classes';
import { lang } from './i18n';

/** Numbers, shares, sizes, durations and dates written in one language. */
export interface Formatter {
  /** `value` with `digits` decimals, thousands always grouped ("10,000" / "10.000"). */
  number(value: number, digits?: number): string;
  /** A share 0–1 as a percentage ("88.2 %"); "–" when there is none. */
  percent(share: number | null | undefined, digits?: number): string;
  /** The change between two shares in signed percentage points ("+1.5", "−0.3"); "–" when either is missing. */
  points(before: number | null | undefined, after: number | null | undefined): string;
  /** A byte count as "1.2 MB" or "350 kB". */
  bytes(count: number): string;
  /** Seconds as "9.8 s". */
  duration(seconds: number, digits?: number): string;
  /** A moment (ms since 1970) as a medium date and short time. */
  date(time: number): string;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Lang, digits: number): Intl.NumberFormat {
  const key = `${language}/${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    // useGrouping 'always': Spanish style would otherwise write 1290 but 10.000.
    const options = { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: 'always' };
    format = new Intl.NumberFormat(language, options as Intl.NumberFormatOptions);
    numberFormats.set(key, format);
  }
  return format;
}

const NONE = '–';

/** Each language's decimal mark and thousands separator, as Intl writes them (grouping always on). */
const MARKS: Record<Lang, { decimal: string; group: string }> = {
  en: { decimal: '.', group: ',' },
  es: { decimal: ',', group: '.' },
};

/** Adds one to a string of decimal digits ("199" → "200", "99" → "100"). */
function incrementDigits(digits: string): string {
  const d = digits.split('');
  let i = d.length - 1;
  for (; i >= 0 && d[i] === '9'; i--) d[i] = '0';
  if (i < 0) return `1${d.join('')}`;
  d[i] = String(Number(d[i]) + 1);
  return d.join('');
}

/**
 * `value` written as Intl.NumberFormat writes it (its shortest decimal form rounded half away
 * from zero, "-" for negatives, thousands grouped), without Intl: building the first
 * NumberFormat loads ICU's number data, a single task of ≈ 100 ms on a phone during start-up (the
 * model picker's accuracies). Null for what this does not cover (exponents, non-finite values).
 */
function plainNumber(value: number, digits: number, language: Lang): string | null {
  const abs = Math.abs(value);
  if (!Number.isFinite(value) || !Number.isInteger(digits) || digits < 0 || digits > 20) return null;
  let text = String(abs);
  if (text.includes('e')) {
    if (abs >= 1 || abs >= 0.5 * 10 ** -digits) return null;
    text = '0'; // rounds to zero at this many digits
  }
  const [whole = '0', fraction = ''] = text.split('.');
  let kept = whole + fraction.slice(0, digits).padEnd(digits, '0');
  if ((fraction.charCodeAt(digits) || 0) >= 53 /* "5" */) kept = incrementDigits(kept);
  const wholeDigits = kept.slice(0, kept.length - digits);
  const { decimal, group } = MARKS[language];
  const grouped = wholeDigits.replace(/\B(?=(\d{3})+$)/g, group);
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return sign + grouped + (digits ? decimal + kept.slice(kept.length - digits) : '');
}

function createFormatter(language: Lang): Formatter {
  const number = (value: number, digits = 0): string =>
    plainNumber(value, digits, language) ?? numberFormat(language, digits).format(value);
  // Made on first use: building a DateTimeFormat costs tens of ms on a phone, and the first screen shows no date.
  let dates: Intl.DateTimeFormat | undefined;
  return {
    number,
    percent: (share, digits = 1) => (share === null || share === undefined ? NONE : `${number(share * 100, digits)} %`),
    points: (before, after) => {
      if (before === null || before === undefined || after === null || after === undefined) return NONE;
      const points = (after - before) * 100;
      return `${points >= 0 ? '+' : '−'}${number(Math.abs(points), 1)}`;
    },
    bytes: (count) => (count >= 1e6 ? `${number(count / 1e6, 1)} MB` : `${number(Math.max(1, count / 1e3))} kB`),
    duration: (seconds, digits = 1) => `${number(seconds, digits)} s`,
    date: (time) =>
      (dates ??= new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })).format(time),
  };
}

const formatters = new Map<Lang, Formatter>();

/** The formatter for `language` (pure: for code that is handed its language, and for tests). */
export function formatterFor(language: Lang): Formatter {
  let formatter = formatters.get(language);
  if (!formatter) formatters.set(language, (formatter = createFormatter(language)));
  return formatter;
}

/** The formatter in the interface language; used inside JSX it follows a language switch. */
export const format: Formatter = {
  number: (value, digits) => formatterFor(lang()).number(value, digits),
  percent: (share, digits) => formatterFor(lang()).percent(share, digits),
  points: (before, after) => formatterFor(lang()).points(before, after),
  bytes: (count) => formatterFor(lang()).bytes(count),
  duration: (seconds, digits) => formatterFor(lang()).duration(seconds, digits),
  date: (time) => formatterFor(lang()).date(time),
};
