// Sources: Oracle, "Oracle Processor Core Factor Table" (oracle.com/us/corporate/contracts/
// processor-core-factor-table-070634.pdf) for the factors and the rounding rule; Oracle,
// "Licensing Oracle Software in the Cloud Computing Environment" for the vCPU rule.
import { processorText, type ProcessorIdentity } from './processorMatch';

/**
 * One row of the core factor table: processors whose vendor and model text match `pattern`
 * (a case-insensitive regular expression) have `factor`.
 *
 * @public
 */
export interface OracleCoreFactorEntry {
  id: string;
  label: string;
  pattern: string;
  factor: number;
}

/**
 * A subset of the Oracle Processor Core Factor Table: the processor families that carry most
 * deployments. Rows are tried in order; the first match wins.
 *
 * @public
 */
export const ORACLE_CORE_FACTOR_TABLE: readonly OracleCoreFactorEntry[] = [
  { id: 'intel-xeon', label: 'Intel Xeon (multicore)', pattern: '\\bxeon\\b', factor: 0.5 },
  { id: 'amd-epyc', label: 'AMD EPYC', pattern: '\\bepyc\\b', factor: 0.5 },
  { id: 'amd-opteron', label: 'AMD Opteron (multicore)', pattern: '\\bopteron\\b', factor: 0.5 },
  {
    id: 'intel-itanium-9500',
    label: 'Intel Itanium 9500 and 9700 series',
    pattern: '\\bitanium\\b.*\\b9[5-7]\\d\\d\\b',
    factor: 1.0,
  },
  {
    id: 'ibm-power',
    label: 'IBM POWER6, POWER7, POWER8, POWER9, Power10',
    pattern: '\\bpower\\s?(?:6|7|8|9|10)\\b',
    factor: 1.0,
  },
  {
    id: 'sparc-t4-and-later',
    label: 'SPARC T4, T5, T7, T8, M7, M8, S7',
    pattern: '\\bsparc\\s+(?:t4|t5|t7|t8|m7|m8|s7)\\b',
    factor: 0.5,
  },
  {
    id: 'fujitsu-sparc64-x',
    label: 'Fujitsu SPARC64 X, X+',
    pattern: '\\bsparc64\\s+x\\+?(?:\\s|$)',
    factor: 0.5,
  },
  { id: 'ampere', label: 'Ampere Altra, AmpereOne', pattern: '\\bampere', factor: 0.25 },
];

/**
 * The table's row "All single core chips": factor 1.0, whatever the vendor.
 *
 * @public
 */
export const ORACLE_SINGLE_CORE_FACTOR = 1.0;

/**
 * Factor for a processor the table does not list. Oracle's table covers what it lists; an
 * unlisted processor is counted at 1.0, the conservative reading auditors apply.
 *
 * @public
 */
export const ORACLE_DEFAULT_CORE_FACTOR = 1.0;

const compiled = ORACLE_CORE_FACTOR_TABLE.map(e => ({ entry: e, re: new RegExp(e.pattern, 'i') }));

/**
 * The result of a core factor lookup: the factor and the table row it came from (`null` when the
 * default applied).
 *
 * @public
 */
export interface OracleCoreFactorMatch {
  factor: number;
  entryId: string | null;
}

/**
 * Looks a processor up in the core factor table.
 *
 * @public
 */
export function lookupOracleCoreFactor(
  processor: ProcessorIdentity & { coresPerProcessor?: number },
): OracleCoreFactorMatch {
  if (processor.coresPerProcessor === 1) {
    return { factor: ORACLE_SINGLE_CORE_FACTOR, entryId: 'single-core' };
  }
  const text = processorText(processor);
  for (const { entry, re } of compiled) {
    if (re.test(text)) return { factor: entry.factor, entryId: entry.id };
  }
  return { factor: ORACLE_DEFAULT_CORE_FACTOR, entryId: null };
}

/**
 * Multiplies cores by their factor exactly. Factors are multiples of 0.25, exact in binary
 * floating point; rounding to 1e-9 guards against a table row that is not.
 */
export function weightedCores(cores: number, factor: number): number {
  return Math.round(cores * factor * 1e9) / 1e9;
}

/**
 * Processor licences for a program: the cores of every server are aggregated per core factor,
 * each aggregate is multiplied by its factor and rounded up to a whole licence, then the
 * results are summed ("all fractions of a number are to be rounded up to the next whole number").
 *
 * @public
 */
export function oracleProcessorLicences(
  groups: ReadonlyArray<{ cores: number; factor: number }>,
): number {
  const byFactor = new Map<number, number>();
  for (const g of groups) byFactor.set(g.factor, (byFactor.get(g.factor) ?? 0) + g.cores);
  let total = 0;
  for (const [factor, cores] of byFactor) total += Math.ceil(weightedCores(cores, factor));
  return total;
}

/**
 * Processor licences for an instance in an Authorised Cloud Environment: two vCPUs count as one
 * processor licence when multithreading is enabled (the default on x86 cloud instances), one
 * vCPU as one licence when it is not.
 *
 * @public
 */
export function oracleAuthorisedCloudProcessorLicences(vcpus: number, multithreading = true): number {
  return multithreading ? Math.ceil(vcpus / 2) : vcpus;
}
