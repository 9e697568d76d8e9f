/** The tags an asset field value holds (a list of strings; anything else counts as none). */
export function fieldTags(value: unknown): string[] {
  return Array.isArray(value)
    ? [...new Set(value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map(v => v.trim()))]
    : [];
}
