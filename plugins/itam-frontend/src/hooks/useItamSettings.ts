import { useApi } from '@backstage/core-plugin-api';
import { DEFAULT_NOTICE_WINDOWS, DEFAULT_RISK_CONFIG, type ItamApi, type ItamSettings } from '@itam/common';
import { useEffect, useState } from 'react';
import { itamApiRef } from '../api';

/** What the register is configured with when nothing else is known (its own defaults). */
export const DEFAULT_ITAM_SETTINGS: ItamSettings = {
  noticeWindows: DEFAULT_NOTICE_WINDOWS,
  criticalTierMax: DEFAULT_RISK_CONFIG.criticalTierMax,
};

// One request per API client for the page's lifetime: every chip of a long list asks.
const loaded = new WeakMap<ItamApi, Promise<ItamSettings>>();

/**
 * The notice windows and critical tier the backend is configured with (`itam.risk`), so the
 * pages flag an asset's dates and tier as the risk findings and the Jira panels do. Until they
 * arrive, or if they cannot be read, the register's defaults.
 */
export function useItamSettings(): ItamSettings {
  const api = useApi(itamApiRef);
  const [settings, setSettings] = useState<ItamSettings>(DEFAULT_ITAM_SETTINGS);
  useEffect(() => {
    let current = true;
    let request = loaded.get(api);
    if (!request) {
      request = Promise.resolve()
        .then(() => api.getSettings())
        .catch(() => DEFAULT_ITAM_SETTINGS);
      loaded.set(api, request);
    }
    void request.then(s => {
      if (current) setSettings(s);
    });
    return () => {
      current = false;
    };
  }, [api]);
  return settings;
}
