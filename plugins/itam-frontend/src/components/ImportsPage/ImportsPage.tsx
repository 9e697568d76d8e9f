import { useId, useState, type ChangeEvent } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Button, Card, CardBody, CardHeader, FieldLabel, Flex, Text } from '@backstage/ui';
import {
  IMPORT_FORMATS,
  currencySchema,
  itamImportPermission,
  validate,
  type ImportFormat,
  type ImportJob,
} from '@itam/common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itamApiRef } from '../../api';
import { useImportProgress, type FollowedImport } from '../../hooks/useImportProgress';
import { useItamPermission } from '../../hooks/useItamPermission';
import { statusOf, validationIssuesOf } from '../../utils/errors';
import { SelectInput, TextInput } from '../FormFields';
import { ItamErrorPanel } from '../ItamErrorPanel';
import { ImportJobResult } from './ImportJobResult';
import { ImportProgress } from './ImportProgress';
import { guessImportFormat, IMPORT_FORMAT_LABELS } from './importFormat';
import { RecentImports } from './RecentImports';

const FORMAT_OPTIONS = IMPORT_FORMATS.map(f => ({ id: f, label: IMPORT_FORMAT_LABELS[f] }));
/** What the backend assumes for a Snipe-IT file's costs when no currency is sent. */
const DEFAULT_SNIPEIT_CURRENCY = 'USD';
/** Statuses whose message is about the upload itself (bad file, parameters, size), shown by the form. */
const REFUSED_UPLOAD = [400, 413, 415, 422];

interface ChosenFile {
  name: string;
  content: string;
}

type FieldErrors = Partial<Record<'file' | 'format' | 'currency', string>>;

/** How the last upload ended: with a finished job, refused (message by the form), or failed. */
type Outcome =
  | { kind: 'finished'; job: ImportJob }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; error: Error };

function UploadForm(props: {
  running: boolean;
  onRun: (request: { file: ChosenFile; format: ImportFormat; currency?: string; dryRun: boolean }) => void;
  refusal?: string;
}) {
  const { running, onRun, refusal } = props;
  const inputId = useId();
  const errorId = useId();
  const descriptionId = useId();
  const [file, setFile] = useState<ChosenFile>();
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [guessed, setGuessed] = useState(false);
  const [currency, setCurrency] = useState(DEFAULT_SNIPEIT_CURRENCY);
  const [errors, setErrors] = useState<FieldErrors>({});

  const onFileChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setErrors({});
    if (!chosen) {
      setFile(undefined);
      return;
    }
    try {
      const content = await chosen.text();
      setFile({ name: chosen.name, content });
      const guess = guessImportFormat(chosen.name, content);
      setFormat(guess ?? null);
      setGuessed(guess !== undefined);
    } catch (e) {
      setFile(undefined);
      setErrors({ file: `The file could not be read: ${(e as Error).message}` });
    }
  };

  const submit = (dryRun: boolean) => {
    const found: FieldErrors = {};
    if (!file) found.file = 'Choose a file to import';
    else if (file.content.trim() === '') found.file = 'The file is empty';
    if (!format) found.format = 'Choose the format of the file';
    let checkedCurrency: string | undefined;
    if (format === 'snipeit-csv') {
      const result = validate(currencySchema, currency.trim().toUpperCase());
      if (result.ok) checkedCurrency = result.value;
      else found.currency = result.issues[0]?.message;
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !file || !format) return;
    onRun({ file, format, currency: checkedCurrency, dryRun });
  };

  return (
    <form
      aria-label="Import a file"
      noValidate
      onSubmit={e => {
        e.preventDefault();
        submit(false);
      }}
    >
      <Flex direction="column" gap="3">
        <Flex direction="column" gap="1">
          <FieldLabel
            label="File to import"
            htmlFor={inputId}
            descriptionId={descriptionId}
            description="A Snipe-IT asset export (CSV), a GLPI agent inventory (JSON), or the register's own CSV or JSON."
          />
          <input
            id={inputId}
            type="file"
            accept=".csv,.json,text/csv,application/json"
            disabled={running}
            onChange={onFileChange}
            aria-invalid={errors.file !== undefined}
            aria-describedby={errors.file !== undefined ? `${descriptionId} ${errorId}` : descriptionId}
          />
          {errors.file !== undefined && (
            <Text id={errorId} color="danger" variant="body-small">
              {errors.file}
            </Text>
          )}
        </Flex>
        <SelectInput
          name="format"
          label="Format"
          description={guessed ? 'Guessed from the file; change it if it is wrong.' : undefined}
          isRequired
          options={FORMAT_OPTIONS}
          value={format}
          onChange={value => {
            setFormat(value as ImportFormat | null);
            setGuessed(false);
            setErrors(({ format: _, ...rest }) => rest);
          }}
          error={errors.format}
        />
        {format === 'snipeit-csv' && (
          <TextInput
            name="currency"
            label="Currency"
            description="ISO 4217 code of the file's costs: Snipe-IT files do not say."
            placeholder="EUR"
            value={currency}
            onChange={value => {
              setCurrency(value);
              setErrors(({ currency: _, ...rest }) => rest);
            }}
            error={errors.currency}
          />
        )}
        {refusal && <Alert status="danger" icon title={`The file was refused: ${refusal}`} />}
        <Flex gap="3" align="center">
          <Button variant="secondary" isDisabled={running} onPress={() => submit(true)}>
            Preview (dry run)
          </Button>
          <Button type="submit" variant="primary" isDisabled={running}>
            Import
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}

/**
 * The imports page: upload a Snipe-IT CSV, a GLPI inventory or the register's own CSV/JSON,
 * preview it as a dry run or import it, follow its progress while it runs, then see what it
 * did (counts, each row's outcome) or why it failed (each refused row with its column and
 * problem). Below, the recent jobs, each of which opens to its result. Users without the import
 * permission see the jobs but cannot upload.
 */
export function ImportsPage() {
  const api = useApi(itamApiRef);
  const permission = useItamPermission(itamImportPermission);
  const [followed, setFollowed] = useState<FollowedImport & { fileName: string; dryRun: boolean }>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [selectedId, setSelectedId] = useState<string>();
  const progress = useImportProgress(followed);
  const recent = useAsyncRetry(() => api.listImports(), [api]);

  const run = async (request: {
    file: ChosenFile;
    format: ImportFormat;
    currency?: string;
    dryRun: boolean;
  }) => {
    const { file, format, currency, dryRun } = request;
    setOutcome(undefined);
    // The page names the job, so it can follow exactly its own upload while it runs.
    const jobId = newJobId();
    setFollowed({ jobId, dryRun, fileName: file.name });
    try {
      const job = await api.runImport({
        format,
        content: file.content,
        dryRun,
        jobId,
        ...(currency ? { currency } : {}),
      });
      setOutcome({ kind: 'finished', job });
    } catch (e) {
      const status = statusOf(e);
      if (status !== undefined && REFUSED_UPLOAD.includes(status)) {
        const issue = validationIssuesOf(e)?.[0];
        setOutcome({ kind: 'refused', message: issue?.message ?? (e as Error).message });
      } else {
        setOutcome({ kind: 'failed', error: e as Error });
      }
    } finally {
      setFollowed(undefined);
      recent.retry();
    }
  };

  return (
    <Flex direction="column" gap="4">
      <Text as="h2" variant="title-medium">
        Imports
      </Text>
      <Card>
        <CardHeader>
          <Text as="h3" variant="title-small">
            Import assets from a file
          </Text>
        </CardHeader>
        <CardBody>
          {permission.allowed && (
            <UploadForm
              running={followed !== undefined}
              onRun={run}
              refusal={outcome?.kind === 'refused' ? outcome.message : undefined}
            />
          )}
          {permission.loading && <Text color="secondary">Checking your permissions…</Text>}
          {!permission.allowed && !permission.loading && (
            <Text color="secondary">
              You do not have the import permission, so you cannot upload files. Ask an ITAM
              administrator if you need it.
            </Text>
          )}
        </CardBody>
      </Card>
      {followed && (
        <Card>
          <CardBody>
            <ImportProgress job={progress} dryRun={followed.dryRun} fileName={followed.fileName} />
          </CardBody>
        </Card>
      )}
      {outcome?.kind === 'failed' && (
        <ItamErrorPanel error={outcome.error} title="The import could not run" />
      )}
      {outcome?.kind === 'finished' && (
        <section aria-label="Import result">
          <Card>
            <CardHeader>
              <Text as="h3" variant="title-small">
                {outcome.job.dryRun ? 'Dry run result' : 'Import result'}
              </Text>
            </CardHeader>
            <CardBody>
              <ImportJobResult job={outcome.job} />
            </CardBody>
          </Card>
        </section>
      )}
      <RecentImports
        jobs={recent.value}
        loading={recent.loading}
        error={recent.error}
        onRetry={recent.retry}
        selectedId={selectedId}
        onSelect={setSelectedId}
      />
    </Flex>
  );
}

/**
 * A random (version 4) UUID. `crypto.randomUUID` exists only in secure contexts (https or
 * localhost); a portal served over plain http elsewhere still has `getRandomValues`.
 */
export function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
