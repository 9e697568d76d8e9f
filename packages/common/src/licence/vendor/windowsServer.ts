// Source: Microsoft, "Windows Server 2022 Licensing Datasheet" and the Microsoft Product Terms
// for Windows Server (core-based licensing, in force since Windows Server 2016; unchanged in 2025).

/**
 * The minimums of Windows Server core licensing, as data.
 *
 * @public
 */
export const WINDOWS_SERVER_CORE_RULES = {
  /** Every physical processor is licensed for at least 8 cores. */
  minimumCoresPerProcessor: 8,
  /** Every physical server is licensed for at least 16 cores. */
  minimumCoresPerServer: 16,
  /** Licensing by virtual OSE (Product Terms, since Nov 2022): at least 8 cores per VM. */
  minimumCoresPerVirtualOse: 8,
  /** Standard edition: each full licensing of a server's cores covers 2 virtual OSEs. */
  virtualOsesPerStandardLicensing: 2,
} as const;

/**
 * Core licences a physical server needs: `max(16, Σ over processors max(8, cores))`.
 *
 * @param coresPerProcessor - the physical cores of each processor (socket) of the server.
 * @public
 */
export function windowsServerCoreLicences(coresPerProcessor: readonly number[]): number {
  let sum = 0;
  for (const cores of coresPerProcessor) {
    sum += Math.max(WINDOWS_SERVER_CORE_RULES.minimumCoresPerProcessor, cores);
  }
  return Math.max(WINDOWS_SERVER_CORE_RULES.minimumCoresPerServer, sum);
}

/**
 * The same rule for a server whose processors all have the same core count, without building an
 * array (the reconciliation calls it once per server).
 *
 * @public
 */
export function windowsServerUniformCoreLicences(processors: number, coresPerProcessor: number): number {
  return Math.max(
    WINDOWS_SERVER_CORE_RULES.minimumCoresPerServer,
    processors * Math.max(WINDOWS_SERVER_CORE_RULES.minimumCoresPerProcessor, coresPerProcessor),
  );
}

/**
 * Core licences for Windows Server Standard on a host running `virtualOses` Windows Server VMs:
 * the host's cores are licensed once per two VMs ("stacking"); a host with no VM (the physical
 * OSE only) is licensed once.
 *
 * @public
 */
export function windowsServerStandardHostCoreLicences(
  processors: number,
  coresPerProcessor: number,
  virtualOses: number,
): number {
  const sets = Math.max(
    1,
    Math.ceil(virtualOses / WINDOWS_SERVER_CORE_RULES.virtualOsesPerStandardLicensing),
  );
  return sets * windowsServerUniformCoreLicences(processors, coresPerProcessor);
}

/**
 * Core licences for one VM licensed by virtual OSE: its virtual cores, at least 8. Used when the
 * VM's host is not known, so the host cannot be licensed instead.
 *
 * @public
 */
export function windowsServerVirtualOseCoreLicences(virtualCores: number): number {
  return Math.max(WINDOWS_SERVER_CORE_RULES.minimumCoresPerVirtualOse, virtualCores);
}
