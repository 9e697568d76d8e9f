// Worked examples from Microsoft, "Windows Server 2022 Licensing Datasheet" (core-based licensing:
// 8 cores minimum per processor, 16 per server; Standard covers 2 VMs per full licensing) and
// the Product Terms' "licensing by virtual OSE" (8 cores minimum per VM).
import {
  windowsServerCoreLicences,
  windowsServerStandardHostCoreLicences,
  windowsServerUniformCoreLicences,
  windowsServerVirtualOseCoreLicences,
} from './windowsServer';

describe('windowsServerCoreLicences', () => {
  it.each([
    ['1 socket × 4 cores', [4], 16],
    ['2 sockets × 12 cores', [12, 12], 24],
    ['2 sockets × 4 cores (server minimum)', [4, 4], 16],
    ['4 sockets × 4 cores (processor minimum)', [4, 4, 4, 4], 32],
    ['2 sockets × 8 cores', [8, 8], 16],
    ['1 socket × 12 cores (server minimum)', [12], 16],
    ['2 sockets × 10 cores', [10, 10], 20],
    ['mixed sockets 6 + 20 cores', [6, 20], 28],
  ])('%s needs %#', (_label, cores, expected) => {
    expect(windowsServerCoreLicences(cores)).toBe(expected);
  });

  it('agrees with the uniform variant', () => {
    for (let p = 1; p <= 8; p++) {
      for (let c = 1; c <= 64; c++) {
        expect(windowsServerUniformCoreLicences(p, c)).toBe(windowsServerCoreLicences(Array(p).fill(c)));
      }
    }
  });
});

describe('Windows Server Standard on a host', () => {
  it('licenses the host once for up to two VMs and again for each further two', () => {
    expect(windowsServerStandardHostCoreLicences(2, 8, 0)).toBe(16);
    expect(windowsServerStandardHostCoreLicences(2, 8, 2)).toBe(16);
    expect(windowsServerStandardHostCoreLicences(2, 8, 3)).toBe(32);
    expect(windowsServerStandardHostCoreLicences(2, 12, 4)).toBe(48);
    expect(windowsServerStandardHostCoreLicences(2, 12, 5)).toBe(72);
  });
});

describe('windowsServerVirtualOseCoreLicences', () => {
  it('licenses the virtual cores of a VM, at least 8', () => {
    expect(windowsServerVirtualOseCoreLicences(2)).toBe(8);
    expect(windowsServerVirtualOseCoreLicences(8)).toBe(8);
    expect(windowsServerVirtualOseCoreLicences(12)).toBe(12);
  });
});
