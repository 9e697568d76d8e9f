import { deviceDemand, ProcessorRatings } from './demand';
import type { DeviceFacts } from './types';

const ratings = new ProcessorRatings();
const xeon = (processors: number, cores: number): DeviceFacts => ({
  deviceId: 's',
  kind: 'physical',
  processors,
  coresPerProcessor: cores,
  processorVendor: 'Intel',
  processorModel: 'Xeon Gold 6338',
});
const virtual = (vcpus: number): DeviceFacts => ({ deviceId: 'v', kind: 'virtual', processors: 1, coresPerProcessor: vcpus });
const demand = (metric: Parameters<typeof deviceDemand>[0], facts: DeviceFacts | undefined, rule: Parameters<typeof deviceDemand>[1] = 'all-cores', virtualOses = 0) =>
  deviceDemand(metric, rule, { deviceId: facts?.deviceId ?? 'x', facts, virtualOses }, ratings);

describe('deviceDemand', () => {
  it('counts one per device whatever the hardware', () => {
    expect(demand('per-device', undefined)).toEqual({ amount: 1, basis: { rule: 'per-device', formula: '1 per device' } });
  });

  it('counts processors and all cores', () => {
    expect(demand('per-processor', xeon(2, 12)).amount).toBe(2);
    expect(demand('per-core', xeon(2, 12)).basis).toMatchObject({ rule: 'all-cores', formula: '2 × 12 cores = 24' });
  });

  it('applies the Windows Server minimums with the worked arithmetic', () => {
    expect(demand('per-core', xeon(1, 4), 'windows-server-datacenter')).toMatchObject({
      amount: 16,
      basis: { rule: 'windows-server-physical', formula: 'max(16, 1 × max(8, 4)) = 16' },
    });
    expect(demand('per-core', xeon(2, 12), 'windows-server-standard', 2).amount).toBe(24);
    expect(demand('per-core', xeon(2, 12), 'windows-server-standard', 3)).toMatchObject({
      amount: 48,
      basis: { rule: 'windows-server-standard-host', virtualOses: 3, formula: '⌈3 VMs ÷ 2⌉ × max(16, 2 × max(8, 12)) = 2 × 24 = 48' },
    });
    expect(demand('per-core', virtual(4), 'windows-server-standard').amount).toBe(8);
  });

  it('applies the SQL Server minimums', () => {
    expect(demand('per-core', xeon(2, 2), 'sql-server').amount).toBe(8);
    expect(demand('per-core', virtual(2), 'sql-server').amount).toBe(4);
    expect(demand('per-core', virtual(6), 'sql-server').amount).toBe(6);
  });

  it('gives Oracle demand unrounded with its factor group, and by vCPU for a VM', () => {
    expect(demand('oracle-processor', xeon(1, 3))).toMatchObject({ amount: 1.5, oracleGroup: { cores: 3, factor: 0.5 } });
    const cloud = demand('oracle-processor', virtual(5));
    expect(cloud).toMatchObject({ amount: 3, basis: { rule: 'oracle-authorised-cloud' } });
    expect(cloud.oracleGroup).toBeUndefined();
  });

  it('gives IBM PVUs at full capacity, and 70 per virtual core for a VM', () => {
    expect(demand('ibm-pvu', { ...xeon(2, 8), maxSockets: 4 })).toMatchObject({ amount: 1600, basis: { pvuPerCore: 100, tableEntry: 'intel-xeon-4' } });
    expect(demand('ibm-pvu', virtual(3))).toMatchObject({ amount: 210, basis: { rule: 'ibm-pvu-public-cloud' } });
  });

  it('reads missing or zero facts as 1 processor of 1 core and flags the lower bound', () => {
    expect(demand('per-core', undefined, 'windows-server-datacenter').basis).toMatchObject({ factsIncomplete: true, processors: 1, coresPerProcessor: 1 });
    expect(demand('per-core', undefined, 'windows-server-datacenter').amount).toBe(16);
    expect(demand('per-core', xeon(0, 0)).amount).toBe(1);
    expect(demand('per-core', xeon(2, 6)).basis.factsIncomplete).toBeUndefined();
  });

  it('refuses a metric that does not count devices', () => {
    expect(() => demand('per-user', xeon(1, 1))).toThrow('per-user is not a device metric');
  });
});
