// Sources: IBM, "Processor Value Unit [PVU] licensing for Distributed Software" and its "Table of
// Processor Value Units [PVUs] per core" (ibm.com/software/passportadvantage/
// pvu_licensing_for_customers.html); IBM, "Guide to identifying your Processor Technology";
// IBM, "Eligible Public Cloud BYOSL Policy" (70 PVUs per virtual core).
import { processorText, type ProcessorIdentity } from './processorMatch';

/**
 * One row of the PVU table: processors whose vendor and model text match `pattern`, in servers
 * whose maximum number of sockets is within `[minSockets, maxSockets]`, are rated `pvuPerCore`.
 *
 * @public
 */
export interface IbmPvuEntry {
  id: string;
  label: string;
  pattern: string;
  minSockets: number;
  /** `null` for "more than `minSockets - 1`" rows with no upper bound. */
  maxSockets: number | null;
  pvuPerCore: number;
}

const POWER = '\\bpower\\s?(?:7|8|9|10)\\b';
// Pre-Nehalem Xeon model numbers (3000-3399, 5000-5499, 7000-7499, optionally prefixed X, E or
// L) were rated 50; "Xeon Gold 5318" or "Xeon E5-2680" do not match because of the words and hyphen.
const XEON_PRE_NEHALEM = '\\bxeon\\s+[xel]?(?:3[0-3]\\d\\d|5[0-4]\\d\\d|7[0-4]\\d\\d)\\b';
const XEON = '\\bxeon\\b';

/**
 * A subset of IBM's PVU table: IBM POWER7 to Power10, Intel Xeon and AMD Opteron. Rows are tried
 * in order; the first whose pattern and socket range match wins. "Maximum number of sockets per
 * server" is the server model's socket capacity, not the number of processors fitted.
 *
 * @public
 */
export const IBM_PVU_TABLE: readonly IbmPvuEntry[] = [
  { id: 'ibm-power-gt4', label: 'IBM POWER7-10, > 4 sockets', pattern: POWER, minSockets: 5, maxSockets: null, pvuPerCore: 120 },
  { id: 'ibm-power-4', label: 'IBM POWER7-10, 4 sockets', pattern: POWER, minSockets: 3, maxSockets: 4, pvuPerCore: 100 },
  { id: 'ibm-power-2', label: 'IBM POWER7-10, 1-2 sockets', pattern: POWER, minSockets: 1, maxSockets: 2, pvuPerCore: 70 },
  { id: 'intel-xeon-pre-nehalem', label: 'Intel Xeon 3000-3399, 5000-5499, 7000-7499', pattern: XEON_PRE_NEHALEM, minSockets: 1, maxSockets: null, pvuPerCore: 50 },
  { id: 'intel-xeon-gt4', label: 'Intel Xeon, > 4 sockets', pattern: XEON, minSockets: 5, maxSockets: null, pvuPerCore: 120 },
  { id: 'intel-xeon-4', label: 'Intel Xeon, 4 sockets', pattern: XEON, minSockets: 3, maxSockets: 4, pvuPerCore: 100 },
  { id: 'intel-xeon-2', label: 'Intel Xeon, 1-2 sockets', pattern: XEON, minSockets: 1, maxSockets: 2, pvuPerCore: 70 },
  { id: 'amd-opteron', label: 'AMD Opteron (dual- and multi-core)', pattern: '\\bopteron\\b', minSockets: 1, maxSockets: null, pvuPerCore: 50 },
];

/**
 * Rating used for a processor the table subset does not list: the highest rating in the table,
 * so an unidentified processor can only overstate the requirement (the conservative choice, as
 * SAM tools do when no mapping matches). The reconciliation flags these devices.
 *
 * @public
 */
export const IBM_PVU_UNLISTED_PER_CORE = 120;

/**
 * IBM's rating for each virtual core of a VM in an eligible public cloud, used for a VM whose
 * physical host is not known.
 *
 * @public
 */
export const IBM_PVU_PUBLIC_CLOUD_PER_VIRTUAL_CORE = 70;

const compiled = IBM_PVU_TABLE.map(e => ({ entry: e, re: new RegExp(e.pattern, 'i') }));

/**
 * The result of a PVU lookup: the rating and the table row it came from (`null` when unlisted).
 *
 * @public
 */
export interface IbmPvuMatch {
  pvuPerCore: number;
  entryId: string | null;
}

/**
 * Looks a processor up in the PVU table.
 *
 * @param processor - vendor and model text, and the server's maximum number of sockets.
 * @public
 */
export function lookupIbmPvuPerCore(
  processor: ProcessorIdentity & { maxSockets: number },
): IbmPvuMatch {
  const text = processorText(processor);
  const sockets = Math.max(1, processor.maxSockets);
  for (const { entry, re } of compiled) {
    if (sockets < entry.minSockets) continue;
    if (entry.maxSockets !== null && sockets > entry.maxSockets) continue;
    if (re.test(text)) return { pvuPerCore: entry.pvuPerCore, entryId: entry.id };
  }
  return { pvuPerCore: IBM_PVU_UNLISTED_PER_CORE, entryId: null };
}

/**
 * PVUs a server needs at full capacity: processors × cores per processor × PVUs per core.
 *
 * @public
 */
export function ibmPvuRequired(processors: number, coresPerProcessor: number, pvuPerCore: number): number {
  return processors * coresPerProcessor * pvuPerCore;
}
