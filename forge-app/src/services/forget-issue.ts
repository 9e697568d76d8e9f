import { ItamApiError, type ItamApi } from '@itam/common';

/**
 * A deleted issue: removes all its links from the register. Returns how many it removed; a
 * redelivered event finds none and changes nothing.
 */
export async function forgetIssue(options: {
  client: ItamApi;
  site: string;
  issueKey: string;
}): Promise<number> {
  const { client, site, issueKey } = options;
  const linked = await client.getTicketAssets(site, issueKey);
  let removed = 0;
  for (const { asset } of linked) {
    try {
      await client.unlinkTicket(asset.id, site, issueKey);
      removed += 1;
    } catch (e) {
      if (!(e instanceof ItamApiError && e.status === 404)) throw e;
    }
  }
  return removed;
}
