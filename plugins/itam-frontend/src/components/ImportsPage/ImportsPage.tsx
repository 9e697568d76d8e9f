import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Button, Card, CardBody, CardHeader, FieldLabel, Flex, Text } from '@backstage/ui';
import {
  DATE_FORMATS,
  IMPORT_ENCODINGS,
  IMPORT_FORMATS,
  SNIPEIT_KINDS,
  currencySchema,
  itamImportPermission,
  validate,
  type DateFormat,
  type ImportEncoding,
  type ImportFormat,
  type ImportJob,
  type ImportMode,
  type ImportReading,
  type SnipeItKind,
  type UnknownPeoplePolicy,
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
import { ENCODING_LABELS, guessImportFormat, IMPORT_FORMAT_LABELS, SNIPEIT_KIND_LABELS } from './importFormat';
import { RecentImports } from './RecentImports';

const FORMAT_OPTIONS = IMPORT_FORMATS.map(f => ({ id: f, label: IMPORT_FORMAT_LABELS[f] }));
/** The option that leaves a choice to the server (detected or inferred from the file). */
const AUTO = 'auto';
const KIND_OPTIONS = [{ id: AUTO, label: 'Tell from the header' }, ...SNIPEIT_KINDS.map(k => ({ id: k, label: SNIPEIT_KIND_LABELS[k] }))];
const ENCODING_OPTIONS = [{ id: AUTO, label: 'Detect' }, ...IMPORT_ENCODINGS.map(e => ({ id: e, label: ENCODING_LABELS[e] }))];
const DATE_OPTIONS = [{ id: AUTO, label: 'Infer from each date column' }, ...DATE_FORMATS.map(f => ({ id: f, label: f }))];
const DECIMAL_OPTIONS = [
  { id: '.', label: 'Dot (1,299.99)' },
  { id: ',', label: 'Comma (1.299,99)' },
];
const MODE_OPTIONS = [
  { id: 'atomic', label: 'All or nothing: any refused row and nothing is written' },
  { id: 'valid-rows', label: 'Valid rows: write them, list the refused ones' },
];
const PEOPLE_OPTIONS = [
  { id: 'keep-as-text', label: 'Keep their name as text, with a warning' },
  { id: 'omit', label: 'Leave them out' },
  { id: 'refuse', label: 'Refuse the row' },
];
/** What the backend assumes for a Snipe-IT file's costs when no currency is sent. */
const DEFAULT_SNIPEIT_CURRENCY = 'USD';
/** Statuses whose message is about the upload itself (bad file, parameters, size), shown by the form. */
const REFUSED_UPLOAD = [400, 413, 415, 422];

interface ChosenFile {
  name: string;
  /** The file's bytes, sent as they are: the server detects their encoding. */
  content: Uint8Array;
}

/** How the file is to be read: each choice the server would otherwise make from the file. */
export interface ReadingChoices {
  kind: SnipeItKind | typeof AUTO;
  encoding: ImportEncoding | typeof AUTO;
  dateFormat: DateFormat | typeof AUTO;
  decimalSeparator: '.' | ',';
  mode: ImportMode;
  unknownPeople: UnknownPeoplePolicy;
}

const DEFAULT_CHOICES: ReadingChoices = {
  kind: AUTO,
  encoding: AUTO,
  dateFormat: AUTO,
  decimalSeparator: '.',
  mode: 'atomic',
  unknownPeople: 'keep-as-text',
};

/**
 * The choices a dry run's reading suggests: the encoding, kind and decimal separator it used,
 * and the date layout when every date column was read in the same one.
 */
export function choicesFromReading(reading: ImportReading | undefined, current: ReadingChoices): ReadingChoices {
  if (!reading) return current;
  const layouts = [...new Set((reading.dateFormats ?? []).map(d => d.format))];
  return {
    ...current,
    ...(reading.encoding ? { encoding: reading.encoding } : {}),
    ...(reading.kind && reading.kind !== 'glpi-inventory' ? { kind: reading.kind } : {}),
    ...(layouts.length === 1 && (DATE_FORMATS as readonly string[]).includes(layouts[0]) ? { dateFormat: layouts[0] as DateFormat } : {}),
    ...(reading.decimalSeparator ? { decimalSeparator: reading.decimalSeparator } : {}),
  };
}

/** A chosen file's bytes (FileReader: every browser has it, and so does jsdom). */
function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the browser could not read it'));
    reader.readAsArrayBuffer(file);
  });
}

/** The start of a file as text, to guess its format (UTF-8 or UTF-16 by its byte order mark). */
function startAsText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 64 * 1024);
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? 'utf-16le' : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(utf16).decode(head);
}

type FieldErrors = Partial<Record<'file' | 'format' | 'currency', string>>;

/** How the last upload ended: with a finished job, refused (message by the form), or failed. */
type Outcome =
  | { kind: 'finished'; job: ImportJob }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; error: Error };

/** What the form uploads. */
interface RunRequest {
  file: ChosenFile;
  format: ImportFormat;
  currency?: string;
  dryRun: boolean;
  choices: ReadingChoices;
}

function UploadForm(props: {
  running: boolean;
  onRun: (request: RunRequest) => void;
  refusal?: string;
  /** How the last dry run read the file: its choices become the form's. */
  suggested?: ImportReading;
}) {
  const { running, onRun, refusal, suggested } = props;
  const inputId = useId();
  const errorId = useId();
  const descriptionId = useId();
  const [file, setFile] = useState<ChosenFile>();
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [guessed, setGuessed] = useState(false);
  const [currency, setCurrency] = useState(DEFAULT_SNIPEIT_CURRENCY);
  const [choices, setChoices] = useState<ReadingChoices>(DEFAULT_CHOICES);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (suggested) setChoices(current => choicesFromReading(suggested, current));
  }, [suggested]);
  const choose = <K extends keyof ReadingChoices>(key: K) => (value: string | null) => {
    if (value !== null) setChoices(current => ({ ...current, [key]: value }));
  };

  const onFileChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setErrors({});
    if (!chosen) {
      setFile(undefined);
      return;
    }
    try {
      const content = await readBytes(chosen);
      setFile({ name: chosen.name, content });
      setChoices(DEFAULT_CHOICES);
      const guess = guessImportFormat(chosen.name, startAsText(content));
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
    else if (file.content.length === 0) found.file = 'The file is empty';
    if (!format) found.format = 'Choose the format of the file';
    let checkedCurrency: string | undefined;
    if (format === 'snipeit-csv') {
      const result = validate(currencySchema, currency.trim().toUpperCase());
      if (result.ok) checkedCurrency = result.value;
      else found.currency = result.issues[0]?.message;
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !file || !format) return;
    onRun({ file, format, currency: checkedCurrency, dryRun, choices });
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
        {format && format.endsWith('-csv') && (
          <Flex direction="column" gap="3" aria-label="How to read the file" role="group">
            {format === 'snipeit-csv' && (
              <SelectInput name="kind" label="What the Snipe-IT file holds" options={KIND_OPTIONS} value={choices.kind} onChange={choose('kind')} />
            )}
            <SelectInput name="encoding" label="Encoding" options={ENCODING_OPTIONS} value={choices.encoding} onChange={choose('encoding')} />
            {format === 'snipeit-csv' && (
              <>
                <SelectInput
                  name="dateFormat"
                  label="Dates written as"
                  description="Two-digit years: 69 to 99 are 1969 to 1999, 00 to 68 are 2000 to 2068."
                  options={DATE_OPTIONS}
                  value={choices.dateFormat}
                  onChange={choose('dateFormat')}
                />
                <SelectInput name="decimalSeparator" label="Decimal separator" options={DECIMAL_OPTIONS} value={choices.decimalSeparator} onChange={choose('decimalSeparator')} />
                <SelectInput name="unknownPeople" label="People not in the catalogue" options={PEOPLE_OPTIONS} value={choices.unknownPeople} onChange={choose('unknownPeople')} />
              </>
            )}
          </Flex>
        )}
        {format && <SelectInput name="mode" label="Rows that cannot be imported" options={MODE_OPTIONS} value={choices.mode} onChange={choose('mode')} />}
        {suggested && <Text color="secondary">The reading options are preselected from the dry run; change any that are wrong.</Text>}
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

  const run = async (request: RunRequest) => {
    const { file, format, currency, dryRun, choices } = request;
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
        ...(format === 'snipeit-csv' && choices.kind !== AUTO ? { kind: choices.kind } : {}),
        ...(format.endsWith('-csv') && choices.encoding !== AUTO ? { encoding: choices.encoding } : {}),
        ...(format === 'snipeit-csv' && choices.dateFormat !== AUTO ? { dateFormat: choices.dateFormat } : {}),
        ...(format === 'snipeit-csv' && choices.decimalSeparator !== '.' ? { decimalSeparator: choices.decimalSeparator } : {}),
        ...(choices.mode !== 'atomic' ? { mode: choices.mode } : {}),
        ...(format === 'snipeit-csv' && choices.unknownPeople !== 'keep-as-text' ? { unknownPeople: choices.unknownPeople } : {}),
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
              suggested={outcome?.kind === 'finished' && outcome.job.dryRun ? outcome.job.summary.reading : undefined}
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
