import LinearProgress from '@material-ui/core/LinearProgress';
import { Flex, Text } from '@backstage/ui';
import type { ImportJob } from '@itam/common';
import { formatBytes } from './importFormat';

/** The share of the upload read so far (0 to 100), when the job knows the upload's size. */
function percentRead(job: ImportJob | undefined): number | undefined {
  const total = job?.progress.bytesTotal;
  if (!job || !total) return undefined;
  return Math.min(100, Math.round((job.progress.bytesDone / total) * 100));
}

function progressText(job: ImportJob | undefined): string {
  if (!job) return 'Uploading the file…';
  const { rowsDone, rowsTotal, bytesDone, bytesTotal } = job.progress;
  const rows = `${rowsDone} ${rowsDone === 1 ? 'row' : 'rows'} done${rowsTotal !== undefined ? ` of ${rowsTotal}` : ''}`;
  const bytes = bytesTotal
    ? `${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)} read`
    : `${formatBytes(bytesDone)} read`;
  return `${rows}, ${bytes}`;
}

/**
 * The progress of a running import: a determinate bar when the upload's size is known (bytes
 * read of the total), an indeterminate one before the job reports, and the rows done so far.
 */
export function ImportProgress(props: { job: ImportJob | undefined; dryRun: boolean; fileName: string }) {
  const { job, dryRun, fileName } = props;
  const percent = percentRead(job);
  return (
    <Flex direction="column" gap="2">
      <Text weight="bold">
        {dryRun ? 'Previewing' : 'Importing'} {fileName}
      </Text>
      <LinearProgress
        aria-label="Import progress"
        variant={percent === undefined ? 'indeterminate' : 'determinate'}
        value={percent}
      />
      <Text color="secondary" aria-live="polite">
        {progressText(job)}
      </Text>
    </Flex>
  );
}
