import { DateColumnEvidence, type DateFormat } from '@itam/common';
import type { ColumnMap } from '../csvColumns';
import { ImportFileError } from '../errors';
import type { CsvRecord } from '../readers';
import { StagingFile } from '../StagingFile';

/** The date layout used for one column, and whether it was inferred from the column's cells. */
export interface DateColumnFormat {
  key: string;
  column: string;
  format: DateFormat;
  inferred: boolean;
}

/**
 * Decides the layout of each date column. With a `dateFormat` every column uses it. Without one,
 * the records are read once into a staging file while each date column's cells are weighed
 * (see DateColumnEvidence), then handed back from the file: so the layout is judged by every cell
 * of the column, however large the file. A column that reads both ways is refused once, naming
 * the column and the layouts to choose from, instead of once per row.
 */
export async function inferDateFormats<K extends string>(
  records: AsyncIterable<CsvRecord>,
  columns: ColumnMap<K>,
  keys: readonly K[],
  options: { dateFormat?: DateFormat; stagingDir?: string },
): Promise<{ formats: DateColumnFormat[]; records: AsyncIterable<CsvRecord> }> {
  const present = keys.filter(k => columns.has(k));
  if (options.dateFormat || present.length === 0) {
    const format = options.dateFormat ?? 'YYYY-MM-DD';
    return {
      formats: present.map(key => ({ key, column: columns.header(key), format, inferred: false })),
      records,
    };
  }
  const evidence = new Map(present.map(k => [k, new DateColumnEvidence()]));
  const staging = await StagingFile.create<CsvRecord>(options.stagingDir);
  try {
    for await (const record of records) {
      for (const [key, e] of evidence) {
        const value = columns.get(record.values, key);
        if (value) e.add(value);
      }
      await staging.append(record);
    }
  } catch (e) {
    await staging.dispose();
    throw e;
  }
  const formats: DateColumnFormat[] = [];
  for (const [key, e] of evidence) {
    const column = columns.header(key);
    const decided = e.decide();
    if ('ambiguous' in decided) {
      await staging.dispose();
      throw new ImportFileError(
        `The column "${column}" has dates whose day and month both stay at or below 12, so they read as ` +
          `${decided.ambiguous.join(' or ')}: choose the layout with dateFormat=${decided.ambiguous.join(' or dateFormat=')}`,
        column,
      );
    }
    if ('inconsistent' in decided) {
      await staging.dispose();
      throw new ImportFileError(
        `The column "${column}" mixes day-first and month-first dates; choose the layout with dateFormat=MM/DD/YYYY or dateFormat=DD/MM/YYYY`,
        column,
      );
    }
    formats.push({ key, column, format: decided.format, inferred: true });
  }
  return {
    formats,
    records: (async function* staged() {
      try {
        yield* staging.entries();
      } finally {
        await staging.dispose();
      }
    })(),
  };
}
