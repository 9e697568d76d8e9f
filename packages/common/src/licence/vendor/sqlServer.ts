// Source: Microsoft, "SQL Server 2022 Licensing Guide" (per-core model: licensing by physical
// cores, and licensing individual virtual machines).

/**
 * The minimums of SQL Server core licensing, as data.
 *
 * @public
 */
export const SQL_SERVER_CORE_RULES = {
  /** Physical OSE: all physical cores, at least 4 core licences per physical processor. */
  minimumCoresPerPhysicalProcessor: 4,
  /** Virtual OSE: all virtual cores of the VM, at least 4 core licences per VM. */
  minimumCoresPerVirtualMachine: 4,
} as const;

/**
 * Core licences for SQL Server on a physical server: `Σ over processors max(4, cores)`.
 *
 * @public
 */
export function sqlServerPhysicalCoreLicences(processors: number, coresPerProcessor: number): number {
  return (
    processors * Math.max(SQL_SERVER_CORE_RULES.minimumCoresPerPhysicalProcessor, coresPerProcessor)
  );
}

/**
 * Core licences for SQL Server in one virtual machine: `max(4, virtual cores)`.
 *
 * @public
 */
export function sqlServerVirtualCoreLicences(virtualCores: number): number {
  return Math.max(SQL_SERVER_CORE_RULES.minimumCoresPerVirtualMachine, virtualCores);
}
