import { ItamApiError } from '@itam/common';
import { loadBackend } from '../backend-client/create-backend-client';
import type { ConnectionCheck } from '../common/types';

/**
 * "Test connection": asks the backend who it takes this site to be, through the saved settings.
 * Succeeds only when the backend accepts the app and names this site (`siteHost`, from the
 * invocation's context), so a token bound to another site is caught here, not on a ticket.
 */
export async function testConnection(siteHost: string | undefined): Promise<ConnectionCheck> {
  const { client } = await loadBackend();
  try {
    const connection = await client.getJiraConnection();
    if (siteHost && connection.site !== siteHost) {
      return { ok: false, message: `The backend takes this app to be ${connection.site}, but this site is ${siteHost}.` };
    }
    return { ok: true, connection };
  } catch (e) {
    if (e instanceof ItamApiError) {
      if (e.status === 401) return { ok: false, message: 'The backend did not accept the app (401): check its token handler or static token.' };
      if (e.status === 403) return { ok: false, message: `The backend refused the app (403): ${e.message}` };
      return { ok: false, message: `The backend answered ${e.status}: ${e.message}` };
    }
    return { ok: false, message: `The backend could not be reached: ${e instanceof Error ? e.message : String(e)}` };
  }
}
