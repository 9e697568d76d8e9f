import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glpiChassisToType, glpiFieldName, mapGlpiInventory, toAssetTag } from './glpi';

const inventory = () => JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'glpi-computer.json'), 'utf8'));

describe('mapGlpiInventory', () => {
  it('turns a computer inventory into a hardware asset with facts and installations', () => {
    const row = mapGlpiInventory(inventory());
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
    const row = mapGlpiInventory(doc);
    expect(row.input.tag).toBe('IT-00042');
    expect(row.input.serialNumber).toBeUndefined();
    expect(row.createOnly).toEqual([]);
  });

  it('sums cores over processors and types virtual machines', () => {
    const doc = inventory();
    doc.content.cpus = [{ core: 8, thread: 16, name: 'Xeon' }, { core: 8, thread: 16, name: 'Xeon' }];
    doc.content.hardware.vmsystem = 'KVM';
    expect(mapGlpiInventory(doc).input).toMatchObject({ type: 'virtual-machine', attributes: { processors: 2, cores: 16, threads: 32 } });
  });

  it('names what a document lacks', () => {
    expect(mapGlpiInventory([]).issues).toEqual([{ field: 'document', message: expect.stringMatching(/JSON object/) }]);
    const doc = inventory();
    delete doc.deviceid;
    doc.itemtype = 'Printer';
    doc.content.softwares.push({ version: '1' });
    expect(mapGlpiInventory(doc).issues.map(i => i.field)).toEqual(['deviceid', 'itemtype', 'content.softwares[3].name']);
    expect(mapGlpiInventory({ deviceid: 'x' }).issues).toEqual([{ field: 'content', message: expect.any(String) }]);
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
