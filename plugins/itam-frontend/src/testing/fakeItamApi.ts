import { DEFAULT_NOTICE_WINDOWS, DEFAULT_RISK_CONFIG, ItamApiError, type Asset, type ItamApi } from '@itam/common';
import { anAsset as aCommonAsset } from '@itam/common/testing';
import { addDays, todayIso } from './dates';

// Every method of the API; the mapped type makes the compiler flag one that is added or renamed.
const ITAM_API_METHODS: { [K in keyof ItamApi]-?: true } = {
  listAssets: true,
  getAsset: true,
  createAsset: true,
  updateAsset: true,
  transitionAsset: true,
  getTransitionOptions: true,
  getAssetHistory: true,
  getEntityLinks: true,
  addEntityLink: true,
  removeEntityLink: true,
  getEntityAssets: true,
  getAssetLinks: true,
  addAssetLink: true,
  removeAssetLink: true,
  getAssetTickets: true,
  linkTicket: true,
  unlinkTicket: true,
  getTicketAssets: true,
  getRiskFindings: true,
  getKpis: true,
  getMaturity: true,
  getSettings: true,
  assessImpact: true,
  listProducts: true,
  listEntitlements: true,
  listInstallations: true,
  getLicencePositions: true,
  getLicencePosition: true,
  getAssetLicences: true,
  runImport: true,
  listImports: true,
  getImport: true,
  listAudits: true,
  getAudit: true,
  listAuditFindings: true,
  createAudit: true,
  addAuditObservations: true,
  closeAudit: true,
};

// What a view may read without the test saying so: the configured windows and tiers (every chip
// asks), as the backend answers when nothing is configured.
const ANSWERED_BY_DEFAULT: Partial<ItamApi> = {
  getSettings: async () => ({ noticeWindows: DEFAULT_NOTICE_WINDOWS, criticalTierMax: DEFAULT_RISK_CONFIG.criticalTierMax }),
};

/**
 * A fake {@link ItamApi}: a plain object whose methods are jest mocks. Every method the test does
 * not provide rejects (except the settings, which answer the defaults), so a test fails loudly
 * when a view calls something unexpected.
 */
export function fakeItamApi(overrides: Partial<ItamApi> = {}): jest.Mocked<ItamApi> {
  const api = {} as Record<keyof ItamApi, jest.Mock>;
  for (const name of Object.keys(ITAM_API_METHODS) as (keyof ItamApi)[]) {
    const impl = (overrides[name] ?? ANSWERED_BY_DEFAULT[name]) as ((...args: never[]) => unknown) | undefined;
    api[name] = jest.fn(
      impl ??
        (async () => {
          throw new Error(`unexpected call to ItamApi.${name}`);
        }),
    );
  }
  return api as unknown as jest.Mocked<ItamApi>;
}

/** A promise that never settles: keeps a view in its loading state. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/** An error as the typed client throws it for an HTTP error answer. */
export function apiError(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  name = 'Error',
): ItamApiError {
  return new ItamApiError(status, message, name, { error: { name, message, ...extra } });
}

/**
 * A complete, valid stored asset (common's test asset) whose warranty and end of life lie ahead
 * of today, so status chips read "under warranty"; override what a test is about.
 */
export function anAsset(overrides: Partial<Asset> = {}): Asset {
  return aCommonAsset({
    warrantyEnd: addDays(todayIso(), 400),
    endOfLife: addDays(todayIso(), 800),
    ...overrides,
  });
}
