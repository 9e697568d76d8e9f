import type { Entitlement } from '@itam/common';
import type { ProductInput } from '../licences/LicenceStore';

/**
 * Software of the example estate: SQL Server Enterprise on the payments DB host (2 × 16-core
 * Xeon, so 32 core licences are required) with only 16 cores bought — a shortfall — and Red Hat
 * Enterprise Linux on both servers, exactly covered by a subscription that ends soon.
 */
export const EXAMPLE_PRODUCTS: ProductInput[] = [
  {
    id: 'microsoft-sql-server-2022-enterprise',
    publisher: 'Microsoft',
    name: 'SQL Server Enterprise',
    version: '2022',
    underManagement: true,
    coreCounting: 'sql-server',
    recognition: [{ publisher: 'Microsoft', namePattern: 'SQL Server 2022 Enterprise' }],
  },
  {
    id: 'redhat-enterprise-linux-9',
    publisher: 'Red Hat',
    name: 'Enterprise Linux',
    version: '9',
    underManagement: true,
    recognition: [{ publisher: 'Red Hat', namePattern: '/^red hat enterprise linux( server)? 9/' }],
  },
];

/** Entitlements; `termEndInDays` is counted from the day the example is loaded. */
export const EXAMPLE_ENTITLEMENTS: (Omit<Entitlement, 'termStart' | 'termEnd'> & { termEndInDays?: number })[] = [
  {
    id: 'EA-2024-SQL-ENT',
    productId: 'microsoft-sql-server-2022-enterprise',
    metric: 'per-core',
    quantity: 16,
    unitCost: 7200,
    currency: 'EUR',
  },
  {
    id: 'RH-SUB-2026-0042',
    productId: 'redhat-enterprise-linux-9',
    metric: 'per-device',
    quantity: 2,
    unitCost: 1290,
    currency: 'EUR',
    termEndInDays: 60,
  },
];

/**
 * Installations. `raw` ones are what a GLPI inventory reports (matched to products by recognition
 * rules); the others are recorded against a product as the API does.
 */
export const EXAMPLE_INSTALLATIONS: (
  | { assetTag: string; raw: { productName: string; publisher: string; version: string } }
  | { assetTag: string; productId: string; version?: string }
)[] = [
  {
    assetTag: 'SRV-00001',
    raw: { productName: 'Microsoft SQL Server 2022 Enterprise (64-bit)', publisher: 'Microsoft Corporation', version: '16.0.4135.4' },
  },
  { assetTag: 'SRV-00001', productId: 'redhat-enterprise-linux-9', version: '9.4' },
  { assetTag: 'SRV-00002', productId: 'redhat-enterprise-linux-9', version: '9.2' },
];
