import { language } from './i18n.js';

// "1 h 02 min 03 s" style countdowns; negative once overdue.
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const sign = seconds < 0 ? '−' : '';
  let rest = Math.abs(Math.trunc(seconds));
  const days = Math.floor(rest / 86400); rest -= days * 86400;
  const hours = Math.floor(rest / 3600); rest -= hours * 3600;
  const minutes = Math.floor(rest / 60); const secs = rest - minutes * 60;
  const two = (n) => String(n).padStart(2, '0');
  if (days > 0) return `${sign}${days} d ${two(hours)} h ${two(minutes)} min`;
  if (hours > 0) return `${sign}${hours} h ${two(minutes)} min ${two(secs)} s`;
  return `${sign}${minutes} min ${two(secs)} s`;
}

export function when(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function number(value) {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(language()).format(value);
}

// A bound as people say it: "5 min", "2 h", "3 d".
export function span(seconds) {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  return `${Math.round(seconds / 60)} min`;
}
