import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { isSafeText, UNSAFE_TEXT_MESSAGE } from '@itam/common';
import { quote } from './errors';
import type { InstallationInput, MappedRow, MappedSource } from './types';

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
const section = (content: Json, name: string): Json | undefined => (isObject(content[name]) ? content[name] : undefined);

/** Placeholder serials firmware reports when the vendor set none. */
const PLACEHOLDER_SERIALS = /^(to be filled by o\.e\.m\.|default string|system serial number|not specified|none|0+|n\/a)$/i;
const realSerial = (serial: string | undefined) => (serial && !PLACEHOLDER_SERIALS.test(serial) ? serial.slice(0, 128) : undefined);

/** How many schema errors a refused inventory reports. */
const MAX_SCHEMA_ERRORS = 50;

let validator: ValidateFunction | undefined;

/**
 * GLPI's published inventory JSON schema (glpi-project/inventory_format, `inventory.schema.json`,
 * vendored byte for byte in the package's `vendor/glpi-inventory-format/` with its MIT licence,
 * and shipped with the package), compiled once.
 */
function inventorySchema(): ValidateFunction {
  if (!validator) {
    const path = resolvePackagePath('@itam/backstage-plugin-itam-backend', 'vendor/glpi-inventory-format/inventory.schema.json');
    const schema = JSON.parse(readFileSync(path, 'utf8'));
    // `strict: false`: the schema carries a `version` keyword of its own.
    const ajv = new Ajv({ allErrors: true, strict: false });
    // The schema checks addresses with the `ipv4` and `ipv6` formats.
    addFormats(ajv, ['ipv4', 'ipv6']);
    validator = ajv.compile(schema);
  }
  return validator;
}

/** A schema error named by its JSON path (`content.bios.ssn`, `content.cpus[0].core`). */
/** The JSON paths (`content.softwares[0].name`) of strings, keys included, that are not safe text. */
function unsafeTextPaths(value: unknown, path = '', found: string[] = []): string[] {
  if (found.length >= MAX_SCHEMA_ERRORS) return found;
  if (typeof value === 'string') {
    if (!isSafeText(value)) found.push(path || 'document');
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unsafeTextPaths(item, `${path}[${i}]`, found));
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      // A key that is not safe text is named by where it is, never echoed.
      if (!isSafeText(key)) found.push(`${path || 'document'} (a property name)`);
      else unsafeTextPaths(item, path ? `${path}.${key}` : key, found);
    }
  }
  return found;
}

function schemaIssue(error: ErrorObject): { field: string; message: string } {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${quote(String((error.params as { additionalProperty?: string }).additionalProperty))})`
      : error.keyword === 'required'
        ? ` (${quote(String((error.params as { missingProperty?: string }).missingProperty))})`
        : '';
  return { field: path || 'document', message: `${error.message ?? 'is not valid'}${extra} per GLPI's inventory schema` };
}

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

/** The item types GLPI inventories describe, and the asset type each becomes. */
const ITEM_TYPES: Record<string, string | undefined> = {
  computer: undefined, // from the chassis
  phone: 'mobile-phone',
  networkequipment: 'network-device',
  printer: 'printer',
  unmanaged: 'unmanaged-device',
};

function put(attributes: Record<string, string | number>, key: string, value: string | number | undefined) {
  if (value !== undefined) attributes[key] = typeof value === 'string' ? value.slice(0, 2000) : value;
}

/** The installations a software section reports. */
function installations(content: Json, issues: MappedRow['issues']): InstallationInput[] {
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
  return items;
}

/**
 * Turns one GLPI agent inventory (the JSON format of glpi-project/inventory_format) into asset
 * rows:
 * - the device itself: a Computer (type from its chassis), Phone, NetworkEquipment or Printer
 *   becomes a hardware asset with external id `glpi` + `deviceid`, serial, name, tag (from
 *   `bios.assettag`, else the host name, only when creating), and hardware facts (processors,
 *   memory, OS, firmware, model, port count, IPs) as attributes; the software section becomes its
 *   installations;
 * - the monitors and local printers of a computer become hardware assets of their own, linked
 *   `part-of` the computer;
 * - its virtual machines and containers become cloud assets (`virtual-machine`, `container`)
 *   that the computer `hosts`;
 * - a partial inventory (`partial: true`) changes only what its sections carry: a software
 *   section replaces the device's installations, a hardware-only one leaves them alone.
 */
export function mapGlpiInventory(doc: unknown): MappedRow[] {
  if (!isObject(doc)) {
    return [{ row: 1, input: {}, issues: [{ field: 'document', message: 'must be a JSON object (one GLPI inventory)' }] }];
  }
  const check = inventorySchema();
  if (!check(doc)) {
    const issues = (check.errors ?? []).slice(0, MAX_SCHEMA_ERRORS).map(schemaIssue);
    return [{ row: 1, input: {}, issues }];
  }
  // Text that cannot be stored (a NUL, which PostgreSQL refuses; an unpaired surrogate), named by
  // its JSON path like a schema error.
  const unsafe = unsafeTextPaths(doc);
  if (unsafe.length > 0) {
    return [{ row: 1, input: {}, issues: unsafe.map(field => ({ field, message: UNSAFE_TEXT_MESSAGE })) }];
  }
  const issues: MappedRow['issues'] = [];
  const deviceId = text(doc.deviceid)!;
  const itemtype = (text(doc.itemtype) ?? 'Computer').toLowerCase();
  const partial = doc.partial === true;
  const content = doc.content as Json;
  const hardware = section(content, 'hardware');
  const bios = section(content, 'bios');
  const os = section(content, 'operatingsystem');
  const device = section(content, 'network_device');

  const hostname = text(hardware?.name) ?? text(device?.name) ?? text(os?.fqdn);
  const assetTag = itemtype === 'phone' ? undefined : text(bios?.assettag);
  const serial = realSerial(text(bios?.ssn) ?? text(device?.serial));
  const type = ITEM_TYPES[itemtype] ?? glpiChassisToType(text(hardware?.chassis_type), text(hardware?.vmsystem));
  const input: Record<string, unknown> = {
    name: (hostname ?? deviceId).slice(0, 200),
    assetClass: 'hardware',
    type,
    externalIds: [{ source: GLPI_SOURCE, sourceId: deviceId.slice(0, 256) }],
  };
  input.tag = toAssetTag(assetTag ?? hostname ?? deviceId) || toAssetTag(`GLPI-${deviceId}`);
  if (serial) input.serialNumber = serial;
  if (text(hardware?.description)) input.description = text(hardware?.description)!.slice(0, 4000);

  const attributes: Record<string, string | number> = {};
  put(attributes, 'manufacturer', text(bios?.smanufacturer) ?? text(bios?.mmanufacturer) ?? text(device?.manufacturer));
  put(attributes, 'model', text(bios?.smodel) ?? text(bios?.mmodel) ?? text(device?.model));
  put(attributes, 'chassisType', text(hardware?.chassis_type));
  const cpus = list(content.cpus);
  if (cpus.length > 0) {
    put(attributes, 'processors', cpus.length);
    put(attributes, 'processorModel', text(cpus[0].name));
    const cores = cpus.reduce((n, c) => n + (typeof c.core === 'number' ? c.core : 0), 0);
    if (cores > 0) put(attributes, 'cores', cores);
    const threads = cpus.reduce((n, c) => n + (typeof c.thread === 'number' ? c.thread : 0), 0);
    if (threads > 0) put(attributes, 'threads', threads);
  }
  if (typeof hardware?.memory === 'number') put(attributes, 'memoryMb', hardware.memory);
  if (typeof device?.ram === 'number') put(attributes, 'memoryMb', device.ram);
  put(attributes, 'uuid', text(hardware?.uuid));
  put(attributes, 'os', text(os?.full_name) ?? text(os?.name));
  put(attributes, 'osVersion', text(os?.version));
  put(attributes, 'biosVersion', text(bios?.bversion));
  put(attributes, 'firmware', text(device?.firmware) ?? text(list(content.firmwares)[0]?.version));
  put(attributes, 'mac', text(device?.mac));
  if (Array.isArray(device?.ips)) put(attributes, 'ips', device.ips.filter(ip => typeof ip === 'string').join(' ').slice(0, 2000) || undefined);
  if (Array.isArray(content.network_ports)) put(attributes, 'ports', content.network_ports.length);
  put(attributes, 'lastInventory', text(section(content, 'accesslog')?.logdate));
  if (Object.keys(attributes).length > 0) input.attributes = attributes;

  // A partial inventory without the hardware section must not rename or retype the device.
  // A tag made from the host name is used to create, never to rename an existing asset.
  const createOnly = [...(assetTag ? [] : ['tag']), ...(partial && !hardware && !device ? ['name', 'type', 'assetClass'] : [])];
  const hostKey = `device:${deviceId}`;
  const host: MappedRow = { row: 1, input, issues, createOnly, key: hostKey };
  if (!partial || 'softwares' in content) {
    host.installations = { source: GLPI_SOURCE, items: installations(content, issues) };
  }
  const rows: MappedRow[] = [host];

  // Peripherals: monitors and local printers of a computer, each its own asset, part of it.
  const peripherals: [string, string, Json[]][] = [
    ['monitor', 'MON', list(content.monitors)],
    ['printer', 'PRN', itemtype === 'computer' ? list(content.printers) : []],
  ];
  for (const [kind, prefix, items] of peripherals) {
    items.forEach((item, i) => {
      const itemSerial = realSerial(text(item.serial));
      const name = text(item.caption) ?? text(item.name) ?? `${kind} ${i + 1} of ${hostname ?? deviceId}`;
      const id = itemSerial ? `${kind}:${itemSerial}` : `${kind}:${deviceId}:${i + 1}`;
      const peripheral: Record<string, unknown> = {
        tag: toAssetTag(`${prefix}-${itemSerial ?? `${hostname ?? deviceId}-${i + 1}`}`),
        name: name.slice(0, 200),
        assetClass: 'hardware',
        type: kind,
        externalIds: [{ source: GLPI_SOURCE, sourceId: id.slice(0, 256) }],
      };
      if (itemSerial) peripheral.serialNumber = itemSerial;
      const a: Record<string, string | number> = {};
      put(a, 'manufacturer', text(item.manufacturer));
      put(a, 'model', text(item.description) ?? text(item.driver));
      if (Object.keys(a).length > 0) peripheral.attributes = a;
      rows.push({ row: rows.length + 1, input: peripheral, issues: [], createOnly: ['tag'], links: [{ type: 'part-of', to: hostKey }] });
    });
  }

  // Virtual machines and containers the device hosts.
  list(content.virtualmachines).forEach((vm, i) => {
    const uuid = text(vm.uuid);
    const name = text(vm.name) ?? `vm ${i + 1} of ${hostname ?? deviceId}`;
    const vmtype = text(vm.vmtype);
    const container = !!vmtype && /docker|lxc|lxd|podman|container|wsl/i.test(vmtype);
    const vmInput: Record<string, unknown> = {
      tag: toAssetTag(`VM-${uuid ?? `${hostname ?? deviceId}-${name}`}`),
      name: name.slice(0, 200),
      assetClass: 'cloud',
      type: container ? 'container' : 'virtual-machine',
      externalIds: [{ source: GLPI_SOURCE, sourceId: (uuid ? `vm:${uuid}` : `vm:${deviceId}:${name}`).slice(0, 256) }],
    };
    const a: Record<string, string | number> = {};
    put(a, 'vmtype', vmtype);
    put(a, 'status', text(vm.status));
    put(a, 'image', text(vm.image));
    if (typeof vm.vcpu === 'number') put(a, 'vcpus', vm.vcpu);
    if (typeof vm.memory === 'number') put(a, 'memoryMb', vm.memory);
    put(a, 'uuid', uuid);
    if (Object.keys(a).length > 0) vmInput.attributes = a;
    rows.push({ row: rows.length + 1, input: vmInput, issues: [], createOnly: ['tag'], links: [{ type: 'hosts', to: hostKey, reverse: true }] });
  });
  return rows;
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

/** A GLPI inventory upload: one JSON document, mapped to the device and what it holds. */
export function glpiSource(read: () => Promise<unknown>): MappedSource {
  return {
    rows: (async function* glpiRows() {
      yield* mapGlpiInventory(await read());
    })(),
    fieldName: glpiFieldName,
  };
}
