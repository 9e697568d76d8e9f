import { ItamApiError, type ItamJiraApi } from '@itam/common';
import { DEFAULT_ITAM_SETTINGS, registerSettings } from './register-settings';

const clientAnswering = (getSettings: () => Promise<unknown>) => ({ getSettings }) as unknown as ItamJiraApi;

describe('registerSettings', () => {
  it('takes the windows and tiers the register serves', async () => {
    const served = { noticeWindows: { warrantyDays: 30, endOfLifeDays: 365, endOfSupportDays: 60 }, criticalTierMax: 1 };
    expect(await registerSettings(clientAnswering(async () => served))).toEqual(served);
  });

  it('uses the register’s defaults with a backend that predates the settings route, and fails on other errors', async () => {
    const notFound = new ItamApiError(404, 'Not found', 'NotFoundError', {});
    expect(await registerSettings(clientAnswering(async () => Promise.reject(notFound)))).toEqual(DEFAULT_ITAM_SETTINGS);
    expect(DEFAULT_ITAM_SETTINGS).toEqual({ noticeWindows: { warrantyDays: 90, endOfLifeDays: 180, endOfSupportDays: 90 }, criticalTierMax: 2 });
    const down = new ItamApiError(503, 'Service unavailable', 'ServiceUnavailableError', {});
    await expect(registerSettings(clientAnswering(async () => Promise.reject(down)))).rejects.toBe(down);
  });
});
