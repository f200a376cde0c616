// Formats shared by the IBM and Picovico pages, whose APIs give sizes in bytes and times in Unix seconds.
import { formatTime, formatDuration } from './dom.js';

/** Bytes (a number or a decimal string, as IBM sends file_size) in B, kB, MB or GB. */
export function formatBytes(value) {
  const bytes = typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : value;
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '—';
  const units = ['B', 'kB', 'MB', 'GB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  return unit === 0 ? `${size} B` : `${size.toFixed(1)} ${units[unit]}`;
}

/** Unix seconds (a number or a decimal string) as a local date and time. */
export function formatUnix(value) {
  const seconds = typeof value === 'string' && /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? formatTime(seconds * 1000) : '—';
}

/** Seconds (a number or IBM's decimal string) as a duration. */
export function formatSeconds(value) {
  const seconds = typeof value === 'string' && /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? formatDuration(seconds) : '—';
}

/** Only http(s) URLs become links or media sources; anything else an API might hold is shown as text. */
export function safeUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
