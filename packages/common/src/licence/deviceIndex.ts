import { ItamValidationError } from '../errors';
import { ConsumerKeys } from './consumerKeys';
import { checkDeviceIntegrity } from './integrity';
import type { DeviceFacts } from './types';

/**
 * The devices of an estate as the reconciliation finds them: each device's id interned to a small
 * integer (devices with facts first, so their integers index their facts),
 * and the physical host each VM is licensed through. Built once, it serves every part of a
 * reconciliation made a part at a time: a part then costs what its own installations cost, not
 * what the estate's devices cost (interning, validating and sorting fifty thousand devices forty
 * times over was most of a streamed recompute's time).
 *
 * Reconciling with an index interns the ids of devices without facts into it (their ranks are
 * sorted in with the others); positions never depend on which ids an index already holds.
 *
 * @public
 */
export class LicenceDeviceIndex {
  private constructor(devices: Iterable<DeviceFacts>) {
    const keys = new ConsumerKeys();
    const factsByKey: DeviceFacts[] = [];
    for (const d of devices) factsByKey[keys.intern(d.deviceId)] = d;
    const hostOf = new Int32Array(factsByKey.length).fill(-1);
    for (let k = 0; k < factsByKey.length; k++) {
      const d = factsByKey[k];
      if (d.kind !== 'virtual' || d.hostDeviceId === undefined) continue;
      const host = keys.lookup(d.hostDeviceId);
      if (host !== undefined && host < factsByKey.length && factsByKey[host].kind === 'physical') hostOf[k] = host;
    }
    indexes.set(this, { keys, factsByKey, hostOf });
  }

  /**
   * The index of `devices`, checked as {@link reconcileLicences} checks an input's devices.
   *
   * @throws {@link ItamValidationError} for duplicate devices, counts that are not whole numbers,
   *   or a host link that names a virtual device or the device itself.
   */
  static of(devices: readonly DeviceFacts[]): LicenceDeviceIndex {
    const issues = checkDeviceIntegrity(devices);
    if (issues.length > 0) throw new ItamValidationError(issues, 'licence input');
    return new LicenceDeviceIndex(devices);
  }

  /** @internal The index of devices already checked. */
  static ofChecked(devices: readonly DeviceFacts[]): LicenceDeviceIndex {
    return new LicenceDeviceIndex(devices);
  }
}

/** What an index holds, for the grouping of evidence (kept off the public class). */
export interface DeviceIndexContent {
  keys: ConsumerKeys;
  /** Facts by interned device id: devices with facts were interned first, so their ids index this. */
  factsByKey: DeviceFacts[];
  /** Interned id of each VM's physical host, or -1; only devices with facts. */
  hostOf: Int32Array;
}

const indexes = new WeakMap<LicenceDeviceIndex, DeviceIndexContent>();

/** The content of an index. */
export function deviceIndexContent(index: LicenceDeviceIndex): DeviceIndexContent {
  return indexes.get(index)!;
}
