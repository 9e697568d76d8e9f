/**
 * A history or details value in words: scalars as they are, lists and records as short
 * `key: value` phrases (never raw JSON), an absent value as "not set".
 */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'not set';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return value.map(formatValue).join('; ');
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.source === 'string' && typeof record.sourceId === 'string') {
      return `${record.source}:${record.sourceId}`;
    }
    const entries = Object.entries(record).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return 'none';
    return entries.map(([k, v]) => `${k}: ${formatValue(v)}`).join(', ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

