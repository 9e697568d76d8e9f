import { DEFAULT_NOTICE_WINDOWS, DEFAULT_RISK_CONFIG, ItamApiError, type ItamJiraApi, type ItamSettings } from '@itam/common';

/** The register's own defaults. */
export const DEFAULT_ITAM_SETTINGS: ItamSettings = {
  noticeWindows: DEFAULT_NOTICE_WINDOWS,
  criticalTierMax: DEFAULT_RISK_CONFIG.criticalTierMax,
};

/**
 * The notice windows and critical tier the register is configured with, so the panels flag an
 * asset as Backstage and the risk findings do; the register's defaults from a backend that
 * predates `GET /settings` (404).
 */
export async function registerSettings(client: ItamJiraApi): Promise<ItamSettings> {
  try {
    return await client.getSettings();
  } catch (e) {
    if (e instanceof ItamApiError && e.status === 404) {
      return DEFAULT_ITAM_SETTINGS;
    }
    throw e;
  }
}
