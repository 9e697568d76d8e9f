import type { CoreCountingRule, LicenceMetric } from './metrics';
import type { DemandBasis } from './resultTypes';
import type { DeviceFacts } from './types';
import {
  IBM_PVU_PUBLIC_CLOUD_PER_VIRTUAL_CORE,
  ibmPvuRequired,
  lookupIbmPvuPerCore,
  type IbmPvuMatch,
} from './vendor/ibmPvu';
import {
  lookupOracleCoreFactor,
  oracleAuthorisedCloudProcessorLicences,
  weightedCores,
  type OracleCoreFactorMatch,
} from './vendor/oracleCoreFactor';
import { processorText } from './vendor/processorMatch';
import { sqlServerPhysicalCoreLicences, sqlServerVirtualCoreLicences } from './vendor/sqlServer';
import {
  windowsServerStandardHostCoreLicences,
  windowsServerUniformCoreLicences,
  windowsServerVirtualOseCoreLicences,
} from './vendor/windowsServer';

/**
 * A consumer's demand in one metric. `oracleGroup` is set for core-factor demand, which Oracle
 * rounds per factor group across the program rather than per server.
 *
 * @public
 */
export interface Demand {
  amount: number;
  basis: DemandBasis;
  oracleGroup?: { cores: number; factor: number };
}

/**
 * The device a device-kind demand is computed for.
 *
 * @public
 */
export interface LicensedDevice {
  deviceId: string;
  /** Hardware facts; undefined when inventory has none. */
  facts: DeviceFacts | undefined;
  /**
   * Windows Server VMs counted on this device as their host (0 when it is not counted as a host).
   */
  virtualOses: number;
}

/**
 * Vendor table lookups, cached per processor text: a million devices share a few hundred models,
 * and regular-expression scans of the tables would otherwise dominate the reconciliation.
 *
 * @public
 */
export class ProcessorRatings {
  private readonly oracle = new Map<string, OracleCoreFactorMatch>();
  private readonly ibm = new Map<string, IbmPvuMatch>();

  /** The Oracle core factor of a device's processors. */
  oracleFactor(facts: DeviceFacts | undefined, cores: number): OracleCoreFactorMatch {
    const identity = { processorVendor: facts?.processorVendor, processorModel: facts?.processorModel };
    const key = `${cores === 1 ? '1' : 'n'}\u0000${processorText(identity)}`;
    let match = this.oracle.get(key);
    if (match === undefined) {
      match = lookupOracleCoreFactor({ ...identity, coresPerProcessor: cores });
      this.oracle.set(key, match);
    }
    return match;
  }

  /** The IBM PVU rating of a device's processors. */
  ibmPvu(facts: DeviceFacts | undefined, processors: number): IbmPvuMatch {
    const maxSockets = facts?.maxSockets ?? processors;
    const identity = { processorVendor: facts?.processorVendor, processorModel: facts?.processorModel };
    const key = `${maxSockets}\u0000${processorText(identity)}`;
    let match = this.ibm.get(key);
    if (match === undefined) {
      match = lookupIbmPvuPerCore({ ...identity, maxSockets });
      this.ibm.set(key, match);
    }
    return match;
  }
}

// Shared, frozen bases for the demands that carry no per-consumer figures: a million identical
// objects would cost memory for nothing.
const PER_DEVICE: DemandBasis = Object.freeze({ rule: 'per-device', formula: '1 per device' });
const PER_USER: DemandBasis = Object.freeze({ rule: 'per-user', formula: '1 per user' });

/** Demand of a user consumer (per-user or subscription metric). */
export function userDemand(): Demand {
  return { amount: 1, basis: PER_USER };
}

/** Demand of the concurrent consumer: the highest peak in the window. */
export function concurrentDemand(peak: number, observedAt: string): Demand {
  return {
    amount: peak,
    basis: { rule: 'concurrent-peak', formula: `highest peak ${peak} on ${observedAt}` },
  };
}

/**
 * Demand of a device in a finite device metric, by the vendor rule that applies.
 *
 * Missing facts, or a processor or core count of 0, are read as 1 so the vendor minimums still
 * apply; the result is then a lower bound, flagged `factsIncomplete`. A VM is counted by its own
 * virtual facts (the reconciliation has already moved VMs onto their host where the metric
 * licenses the host).
 *
 * @public
 */
export function deviceDemand(
  metric: LicenceMetric,
  coreCounting: CoreCountingRule,
  device: LicensedDevice,
  ratings: ProcessorRatings,
): Demand {
  if (metric === 'per-device') return perDeviceDemand();
  const { facts } = device;
  const incomplete = facts === undefined || facts.processors <= 0 || facts.coresPerProcessor <= 0;
  const p = facts !== undefined && facts.processors > 0 ? facts.processors : 1;
  const c = facts !== undefined && facts.coresPerProcessor > 0 ? facts.coresPerProcessor : 1;
  const demand = hardwareDemand(metric, coreCounting, device, ratings, p, c);
  // The common figures go last, set in place: object spread would cost more than the
  // arithmetic, and a closure per device more again, on the reconciliation's hot path.
  const { basis } = demand;
  basis.factsDeviceId = device.deviceId;
  basis.processors = p;
  basis.coresPerProcessor = c;
  if (incomplete) basis.factsIncomplete = true;
  return demand;
}

const result = (amount: number, basis: DemandBasis): Demand => ({ amount, basis });

/** A device's demand by its metric's rule, from its processors `p` and cores per processor `c`. */
function hardwareDemand(
  metric: LicenceMetric,
  coreCounting: CoreCountingRule,
  device: LicensedDevice,
  ratings: ProcessorRatings,
  p: number,
  c: number,
): Demand {
  const { facts } = device;
  const virtual = facts !== undefined && facts.kind === 'virtual';
  switch (metric) {
    case 'per-processor':
      return result(p, { rule: 'processors', formula: `${p} processor(s)` });
    case 'per-core':
      return coreDemand(coreCounting, p, c, virtual, device.virtualOses);
    case 'oracle-processor': {
      if (virtual) {
        const n = oracleAuthorisedCloudProcessorLicences(p * c);
        return result(n, { rule: 'oracle-authorised-cloud', formula: `⌈${p * c} vCPU ÷ 2⌉ = ${n}` });
      }
      const { factor, entryId } = ratings.oracleFactor(facts, c);
      const exact = weightedCores(p * c, factor);
      const demand = result(exact, {
        rule: 'oracle-core-factor',
        formula: `${p} × ${c} cores × ${factor} = ${exact} (rounded up per factor group)`,
        factor,
        tableEntry: entryId,
      });
      demand.oracleGroup = { cores: p * c, factor };
      return demand;
    }
    case 'ibm-pvu': {
      if (virtual) {
        const n = p * c * IBM_PVU_PUBLIC_CLOUD_PER_VIRTUAL_CORE;
        return result(n, {
          rule: 'ibm-pvu-public-cloud',
          formula: `${p * c} virtual cores × ${IBM_PVU_PUBLIC_CLOUD_PER_VIRTUAL_CORE} PVU = ${n}`,
          pvuPerCore: IBM_PVU_PUBLIC_CLOUD_PER_VIRTUAL_CORE,
        });
      }
      const { pvuPerCore, entryId } = ratings.ibmPvu(facts, p);
      const n = ibmPvuRequired(p, c, pvuPerCore);
      return result(n, {
        rule: 'ibm-pvu-full-capacity',
        formula: `${p} × ${c} cores × ${pvuPerCore} PVU = ${n}`,
        pvuPerCore,
        tableEntry: entryId,
      });
    }
    default:
      throw new Error(`${metric} is not a device metric`);
  }
}

/** Demand of a device under the per-device metric: one, whatever its hardware. */
export function perDeviceDemand(): Demand {
  return { amount: 1, basis: PER_DEVICE };
}

function coreDemand(
  rule: CoreCountingRule,
  p: number,
  c: number,
  virtual: boolean,
  virtualOses: number,
): Demand {
  switch (rule) {
    case 'all-cores':
      return result(p * c, { rule: 'all-cores', formula: `${p} × ${c} cores = ${p * c}` });
    case 'sql-server':
      if (virtual) {
        const n = sqlServerVirtualCoreLicences(p * c);
        return result(n, { rule: 'sql-server-virtual', formula: `max(4, ${p * c} virtual cores) = ${n}` });
      } else {
        const n = sqlServerPhysicalCoreLicences(p, c);
        return result(n, { rule: 'sql-server-physical', formula: `${p} × max(4, ${c}) = ${n}` });
      }
    case 'windows-server-standard':
    case 'windows-server-datacenter': {
      if (virtual) {
        const n = windowsServerVirtualOseCoreLicences(p * c);
        return result(n, { rule: 'windows-server-virtual-ose', formula: `max(8, ${p * c} virtual cores) = ${n}` });
      }
      if (rule === 'windows-server-standard' && virtualOses > 2) {
        const n = windowsServerStandardHostCoreLicences(p, c, virtualOses);
        const sets = Math.ceil(virtualOses / 2);
        return result(n, {
          rule: 'windows-server-standard-host',
          formula: `⌈${virtualOses} VMs ÷ 2⌉ × max(16, ${p} × max(8, ${c})) = ${sets} × ${n / sets} = ${n}`,
          virtualOses,
        });
      }
      const n = windowsServerUniformCoreLicences(p, c);
      const basis: DemandBasis = { rule: 'windows-server-physical', formula: `max(16, ${p} × max(8, ${c})) = ${n}` };
      if (virtualOses > 0) basis.virtualOses = virtualOses;
      return result(n, basis);
    }
  }
}
