import { findAssetFieldId, setAssetFieldValue } from '../jira-client/asset-field';
import { getStoredAssetFieldId, storeAssetFieldId } from '../storage/asset-field-id';

/** The asset field's id on this site, looked up once and remembered; undefined if not created. */
export async function assetFieldId(): Promise<string | undefined> {
  const stored = await getStoredAssetFieldId();
  if (stored) return stored;
  const found = await findAssetFieldId();
  if (found) await storeAssetFieldId(found);
  return found;
}

const sameTags = (a: readonly string[], b: readonly string[]) => {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((t, i) => t === y[i]);
};

/**
 * Makes the issue's asset field hold the linked tags (the register's links win here: the field is
 * read into the register only when an edit of the field arrives, see sync-issue.ts). Skips the
 * write when the field already says so (`current`, when known).
 */
export async function writeAssetField(issueId: string, tags: readonly string[], current?: readonly string[]): Promise<void> {
  if (current && sameTags(current, tags)) return;
  const fieldId = await assetFieldId();
  if (!fieldId) return;
  await setAssetFieldValue(fieldId, issueId, [...tags].sort());
}
