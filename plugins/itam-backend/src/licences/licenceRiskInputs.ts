import type { EntitlementExpiryInput, LicenceShortfallInput, ProductPosition } from '@itam/common';
import { productFullName } from '@itam/common';

/** What the risk rules read of the licence data: shortfalls and entitlement terms. */
export interface LicenceRiskInputs {
  licenceShortfalls: LicenceShortfallInput[];
  entitlements: EntitlementExpiryInput[];
}

/**
 * The under-licensed products of a reconciliation as the risk rules read them, each device
 * named once for the whole list: a device short on many products is one string and a number per
 * product, not a string per product. On a million installations the devices of the shortfalls
 * were half a million strings for fifty thousand devices, held through the run and copied, one
 * by one, from the reconciliation's worker thread; numbered, they cross as a few typed arrays.
 */
export interface LicenceShortfalls {
  /** Every device of a shortfall, once. */
  deviceIds: string[];
  /** Each under-licensed product, its devices as positions in `deviceIds`. */
  products: { productId: string; productName: string; shortfall: number; devices: Uint32Array }[];
}

/** Collects the shortfalls of a reconciliation's positions as they are made, a part at a time. */
export class LicenceShortfallCollector {
  private readonly numbers = new Map<string, number>();
  private readonly deviceIds: string[] = [];
  private readonly products: LicenceShortfalls['products'] = [];
  /** By device number, the serial of the last product that listed the device. */
  private listedFor = new Uint32Array(1024);
  private serial = 0;

  /**
   * Records `position` when it is under-licensed: its total shortfall and the devices whose
   * demand was not met (read from the explanation, so taken while the position is in hand).
   */
  add(position: ProductPosition): void {
    if (position.status !== 'under-licensed') return;
    // A device is listed once per product: marked with the product's serial in `listedFor`
    // rather than gathered in a Set per product (a million consumers per reconciliation).
    const serial = ++this.serial;
    const devices: number[] = [];
    const take = (deviceId: string) => {
      const n = this.numberOf(deviceId);
      if (this.listedFor[n] === serial) return;
      this.listedFor[n] = serial;
      devices.push(n);
    };
    for (const c of position.explanation.consumers) {
      if (c.shortfall <= 0 || c.consumerKind !== 'device') continue;
      if (c.deviceIds) for (const id of c.deviceIds) take(id);
      else take(c.consumerId);
    }
    this.products.push({
      productId: position.productId,
      productName: productFullName(position),
      shortfall: position.lines.reduce((n, l) => n + l.shortfall, 0),
      devices: Uint32Array.from(devices),
    });
  }

  /** The shortfalls collected. */
  shortfalls(): LicenceShortfalls {
    return { deviceIds: this.deviceIds, products: this.products };
  }

  private numberOf(deviceId: string): number {
    let n = this.numbers.get(deviceId);
    if (n === undefined) {
      n = this.deviceIds.push(deviceId) - 1;
      this.numbers.set(deviceId, n);
      if (n >= this.listedFor.length) {
        const grown = new Uint32Array(Math.max(1024, this.listedFor.length * 2));
        grown.set(this.listedFor);
        this.listedFor = grown;
      }
    }
    return n;
  }
}

/** The buffers of the shortfalls' device numbers, which a worker can hand over without copying. */
export function licenceShortfallBuffers(shortfalls: LicenceShortfalls): ArrayBuffer[] {
  return shortfalls.products.map(p => p.devices.buffer as ArrayBuffer);
}

/**
 * The risk rules' licence inputs: the shortfalls of a reconciliation (each product's devices
 * sorted by id) and every entitlement's term, named by its product's full name (`names`, by
 * product id).
 */
export function licenceRiskInputs(
  shortfalls: LicenceShortfalls,
  names: ReadonlyMap<string, string>,
  entitlements: readonly { id: string; productId: string; termEnd?: string }[],
): LicenceRiskInputs {
  return {
    licenceShortfalls: shortfalls.products.map(p => ({
      productId: p.productId,
      productName: p.productName,
      shortfall: p.shortfall,
      deviceAssetIds: Array.from(p.devices, n => shortfalls.deviceIds[n]).sort(),
    })),
    entitlements: entitlements.map(e => ({
      id: e.id,
      product: names.get(e.productId) ?? e.productId,
      ...(e.termEnd ? { termEnd: e.termEnd } : {}),
    })),
  };
}
