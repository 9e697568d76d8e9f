import { productFullName, type EntitlementExpiryInput, type LicenceShortfallInput, type ProductPosition } from '@itam/common';

/** What the risk rules read of the licence data: shortfalls and entitlement terms. */
export interface LicenceRiskInputs {
  licenceShortfalls: LicenceShortfallInput[];
  entitlements: EntitlementExpiryInput[];
}

/**
 * An under-licensed product as the risk rules read it: its total shortfall and the devices whose
 * demand was not met (read from the explanation, so taken while the position is in hand).
 */
export function licenceShortfallOf(position: ProductPosition): LicenceShortfallInput {
  const devices = new Set<string>();
  for (const c of position.explanation.consumers) {
    if (c.shortfall <= 0 || c.consumerKind !== 'device') continue;
    for (const id of c.deviceIds ?? [c.consumerId]) devices.add(id);
  }
  return {
    productId: position.productId,
    productName: productFullName(position),
    shortfall: position.lines.reduce((n, l) => n + l.shortfall, 0),
    deviceAssetIds: [...devices].sort(),
  };
}

/**
 * The risk rules' licence inputs: the shortfalls of a reconciliation and every entitlement's term,
 * named by its product's full name (`names`, by product id).
 */
export function licenceRiskInputs(
  shortfalls: readonly LicenceShortfallInput[],
  names: ReadonlyMap<string, string>,
  entitlements: readonly { id: string; productId: string; termEnd?: string }[],
): LicenceRiskInputs {
  return {
    licenceShortfalls: [...shortfalls],
    entitlements: entitlements.map(e => ({
      id: e.id,
      product: names.get(e.productId) ?? e.productId,
      ...(e.termEnd ? { termEnd: e.termEnd } : {}),
    })),
  };
}
