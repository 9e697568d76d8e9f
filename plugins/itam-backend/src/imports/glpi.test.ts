import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glpiChassisToType, glpiFieldName, mapGlpiInventory, toAssetTag } from './glpi';

const inventory = () => JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'glpi-computer.json'), 'utf8'));

describe('mapGlpiInventory', () => {
  it('turns a computer inventory into a hardware asset with facts and installations', () => {
    const [row, ...others] = mapGlpiInventory(inventory());
    expect(others).toEqual([]);
    expect(row.issues).toEqual([]);
    expect(row.input).toMatchObject({
      tag: 'WS-BERLIN-042',
      name: 'ws-berlin-042',
      assetClass: 'hardware',
      type: 'laptop',
      serialNumber: 'PF4LQ7XZ',
      externalIds: [{ source: 'glpi', sourceId: 'ws-berlin-042-2025-11-03-08-15-22' }],
      attributes: { processors: 1, cores: 10, threads: 12, memoryMb: 31744, lastInventory: '2025-11-03 08:15:22' },
    });
    // A tag made from the host name is used to create, never to rename an existing asset.
    expect(row.createOnly).toEqual(['tag']);
    expect(row.installations).toEqual({
      source: 'glpi',
      items: [
        { productName: 'firefox', version: '132.0.1', publisher: 'Mozilla', installDate: '2025-10-30' },
        { productName: 'libreoffice-writer', version: '24.2.6-0ubuntu0.24.04.1', publisher: 'Ubuntu Developers' },
        { productName: 'code', version: '1.95.1-1730355339', publisher: 'Microsoft Corporation', installDate: '2025-11-01' },
      ],
    });
  });

  it('prefers the BIOS asset tag, which then also updates, and ignores placeholder serials', () => {
    const doc = inventory();
    doc.content.bios.assettag = 'IT 00042';
    doc.content.bios.ssn = 'To Be Filled By O.E.M.';
    const [row] = mapGlpiInventory(doc);
    expect(row.input.tag).toBe('IT-00042');
    expect(row.input.serialNumber).toBeUndefined();
    expect(row.createOnly).toEqual([]);
  });

  it('sums cores over processors and types virtual machines', () => {
    const doc = inventory();
    doc.content.cpus = [{ core: 8, thread: 16, name: 'Xeon' }, { core: 8, thread: 16, name: 'Xeon' }];
    doc.content.hardware.vmsystem = 'KVM';
    expect(mapGlpiInventory(doc)[0].input).toMatchObject({ type: 'virtual-machine', attributes: { processors: 2, cores: 16, threads: 32 } });
  });

  it('names what a document lacks by JSON path, from the GLPI inventory schema', () => {
    expect(mapGlpiInventory([])[0].issues).toEqual([{ field: 'document', message: expect.stringMatching(/JSON object/) }]);
    const doc = inventory();
    delete doc.deviceid;
    doc.itemtype = 'Toaster';
    doc.content.cpus[0].core = 'ten';
    const [row] = mapGlpiInventory(doc);
    expect(row.issues.map(i => i.field).sort()).toEqual(['content.cpus[0].core', 'document', 'itemtype']);
    expect(row.issues.find(i => i.field === 'document')!.message).toMatch(/"deviceid".*GLPI's inventory schema/);
    expect(mapGlpiInventory({ deviceid: 'x' })[0].issues).toEqual([{ field: 'document', message: expect.stringMatching(/"content"/) }]);
  });

  it('makes the monitors of a computer assets of their own, part of it, and its VMs assets it hosts', () => {
    const doc = inventory();
    doc.content.monitors = [{ caption: 'DELL U2723QE', manufacturer: 'Dell', serial: 'CN0F1XYZ' }];
    doc.content.virtualmachines = [
      { name: 'build-vm', uuid: 'b1a7e0c2', vmtype: 'kvm', vcpu: 4, memory: 8192, status: 'running' },
      { name: 'db', uuid: '7e64b4b09941', vmtype: 'docker', status: 'running' },
    ];
    const [, monitor, vm, container] = mapGlpiInventory(doc);
    expect(monitor).toMatchObject({
      row: 2,
      input: { tag: 'MON-CN0F1XYZ', type: 'monitor', assetClass: 'hardware', serialNumber: 'CN0F1XYZ', externalIds: [{ source: 'glpi', sourceId: 'monitor:CN0F1XYZ' }] },
      links: [{ type: 'part-of', to: 'device:ws-berlin-042-2025-11-03-08-15-22' }],
    });
    expect(vm).toMatchObject({ input: { type: 'virtual-machine', assetClass: 'cloud', attributes: { vcpus: 4, memoryMb: 8192 } }, links: [{ type: 'hosts', reverse: true }] });
    expect(container.input.type).toBe('container');
  });

  it('leaves installations alone on a partial inventory without a software section', () => {
    const doc = inventory();
    doc.partial = true;
    delete doc.content.softwares;
    expect(mapGlpiInventory(doc)[0].installations).toBeUndefined();
    doc.content.softwares = [];
    expect(mapGlpiInventory(doc)[0].installations).toEqual({ source: 'glpi', items: [] });
  });

  it('maps network equipment, printers and phones to hardware types', () => {
    const device = (itemtype: string) => ({
      deviceid: `${itemtype}-1`,
      itemtype,
      content: { versionclient: 'x', network_device: { type: 'Networking', name: 'sw-1', serial: 'SN1', model: 'M', manufacturer: 'HP', firmware: '1.2', ips: ['10.0.0.1'] }, network_ports: [{ ifnumber: 1 }, { ifnumber: 2 }] },
    });
    expect(mapGlpiInventory(device('NetworkEquipment'))[0].input).toMatchObject({ type: 'network-device', serialNumber: 'SN1', attributes: { firmware: '1.2', ips: '10.0.0.1', ports: 2, model: 'M' } });
    expect(mapGlpiInventory(device('Printer'))[0].input.type).toBe('printer');
    expect(mapGlpiInventory({ ...device('Phone'), content: { versionclient: 'x', hardware: { name: 'phone' } } })[0].input.type).toBe('mobile-phone');
  });
});

describe('GLPI helpers', () => {
  it('maps chassis types', () => {
    expect(glpiChassisToType('Notebook', 'Physical')).toBe('laptop');
    expect(glpiChassisToType('Rack Mount Chassis', undefined)).toBe('server');
    expect(glpiChassisToType('Mini Tower', undefined)).toBe('desktop');
    expect(glpiChassisToType(undefined, undefined)).toBe('computer');
  });
  it('makes tags and names fields', () => {
    expect(toAssetTag('  host_01.corp  ')).toBe('HOST_01.CORP-');
    expect(toAssetTag('--x y')).toBe('X-Y');
    expect(glpiFieldName('serialNumber')).toBe('content.bios.ssn');
    expect(glpiFieldName('attributes.cores')).toBe('content');
    expect(glpiFieldName('criticality')).toBe('criticality');
  });
});
