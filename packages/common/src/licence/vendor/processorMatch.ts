/**
 * What the vendor tables need to know about a processor. Free text from inventory (e.g. vendor
 * `Intel`, model `Xeon Gold 6338`) is matched case-insensitively against each table row.
 *
 * @public
 */
export interface ProcessorIdentity {
  processorVendor?: string;
  processorModel?: string;
}

/** The text a table row's pattern is matched against: vendor and model, lower case. */
export function processorText(p: ProcessorIdentity): string {
  return `${p.processorVendor ?? ''} ${p.processorModel ?? ''}`.trim().toLowerCase();
}
