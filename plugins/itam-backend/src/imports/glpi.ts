import type { InstallationInput, MappedRow } from './types';

/** The discovery source name GLPI-inventoried assets carry in their external ids. */
export const GLPI_SOURCE = 'glpi';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
};
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** Placeholder serials firmware reports when the vendor set none. */
const PLACEHOLDER_SERIALS = /^(to be filled by o\.e\.m\.|default string|system serial number|not specified|none|0+|n\/a)$/i;

/** Our asset type for GLPI's chassis type (SMBIOS names), or a virtual machine. */
export function glpiChassisToType(chassis: string | undefined, vmsystem: string | undefined): string {
  if (vmsystem && !/^physical$/i.test(vmsystem)) return 'virtual-machine';
  const c = (chassis ?? '').toLowerCase();
  if (/laptop|notebook|portable|convertible|detachable|hand ?held/.test(c)) return 'laptop';
  if (/tablet/.test(c)) return 'tablet';
  if (/server|rack|blade|multi-system/.test(c)) return 'server';
  if (/desktop|tower|all in one|mini pc|lunch box|space-saving|stick pc/.test(c)) return 'desktop';
  return 'computer';
}

/** Makes a hostname or device id usable as an asset tag (letters, digits, `._/-`, max 64). */
export function toAssetTag(value: string): string {
  return value
    .replace(/[^A-Za-z0-9._/-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64)
    .toUpperCase();
}

/**
 * Turns one GLPI agent inventory (the JSON format of glpi-project/inventory_format) of a
 * computer into asset input: external id `glpi` + `deviceid`, serial from `bios.ssn`, name from
 * `hardware.name`, tag from `bios.assettag` (else the host name, only when creating), hardware
 * facts in `attributes`, and the `softwares` list as installations.
 */
export function mapGlpiInventory(doc: unknown): MappedRow {
  const issues: MappedRow['issues'] = [];
  if (!isObject(doc)) {
    return { row: 1, input: {}, issues: [{ field: 'document', message: 'must be a JSON object (one GLPI inventory)' }] };
  }
  const deviceId = text(doc.deviceid);
  if (!deviceId) issues.push({ field: 'deviceid', message: 'is required (it identifies the device in GLPI)' });
  const itemtype = text(doc.itemtype);
  if (itemtype && itemtype.toLowerCase() !== 'computer') {
    issues.push({ field: 'itemtype', message: `is "${itemtype}"; only Computer inventories become assets` });
  }
  if (!isObject(doc.content)) {
    issues.push({ field: 'content', message: 'is required (the inventory itself)' });
    return { row: 1, input: {}, issues };
  }
  const content = doc.content;
  const hardware = isObject(content.hardware) ? content.hardware : {};
  const bios = isObject(content.bios) ? content.bios : {};
  const os = isObject(content.operatingsystem) ? content.operatingsystem : {};

  const hostname = text(hardware.name) ?? text(os.fqdn);
  const assetTag = text(bios.assettag);
  const generatedTag = hostname ?? deviceId;
  const serial = text(bios.ssn);
  const input: Record<string, unknown> = {
    name: hostname ?? deviceId,
    assetClass: 'hardware',
    type: glpiChassisToType(text(hardware.chassis_type), text(hardware.vmsystem)),
  };
  if (assetTag) input.tag = toAssetTag(assetTag);
  else if (generatedTag) input.tag = toAssetTag(generatedTag);
  if (deviceId) input.externalIds = [{ source: GLPI_SOURCE, sourceId: deviceId }];
  if (serial && !PLACEHOLDER_SERIALS.test(serial)) input.serialNumber = serial;
  if (text(hardware.description)) input.description = text(hardware.description);

  const cpus = list(content.cpus);
  const attributes: Record<string, string | number> = {};
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined) attributes[key] = typeof value === 'string' ? value.slice(0, 2000) : value;
  };
  put('manufacturer', text(bios.smanufacturer) ?? text(bios.mmanufacturer));
  put('model', text(bios.smodel));
  put('chassisType', text(hardware.chassis_type));
  if (cpus.length > 0) {
    put('processors', cpus.length);
    put('processorModel', text(cpus[0].name));
    const cores = cpus.reduce((n, c) => n + (typeof c.core === 'number' ? c.core : 0), 0);
    if (cores > 0) put('cores', cores);
    const threads = cpus.reduce((n, c) => n + (typeof c.thread === 'number' ? c.thread : 0), 0);
    if (threads > 0) put('threads', threads);
  }
  if (typeof hardware.memory === 'number') put('memoryMb', hardware.memory);
  put('uuid', text(hardware.uuid));
  put('os', text(os.full_name) ?? text(os.name));
  put('osVersion', text(os.version));
  put('biosVersion', text(bios.bversion));
  put('lastInventory', text(isObject(content.accesslog) ? content.accesslog.logdate : undefined));
  input.attributes = attributes;

  const items: InstallationInput[] = [];
  list(content.softwares).forEach((s, i) => {
    const name = text(s.name);
    if (!name) {
      issues.push({ field: `content.softwares[${i}].name`, message: 'is required' });
      return;
    }
    const installDate = text(s.install_date);
    items.push({
      productName: name.slice(0, 255),
      ...(text(s.version) ? { version: text(s.version)!.slice(0, 128) } : {}),
      ...(text(s.publisher) ? { publisher: text(s.publisher)!.slice(0, 255) } : {}),
      ...(installDate && /^\d{4}-\d{2}-\d{2}/.test(installDate) ? { installDate: installDate.slice(0, 10) } : {}),
    });
  });
  return {
    row: 1,
    input,
    issues,
    createOnly: assetTag ? [] : ['tag'],
    installations: { source: GLPI_SOURCE, items },
  };
}

/** GLPI field names for the schema paths the mapper fills. */
export function glpiFieldName(path: string): string {
  const names: [string, string][] = [
    ['tag', 'content.bios.assettag'],
    ['name', 'content.hardware.name'],
    ['serialNumber', 'content.bios.ssn'],
    ['externalIds', 'deviceid'],
    ['description', 'content.hardware.description'],
    ['attributes', 'content'],
  ];
  return names.find(([p]) => path === p || path.startsWith(`${p}.`))?.[1] ?? path;
}
