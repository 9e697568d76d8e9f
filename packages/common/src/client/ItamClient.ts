import type { Asset, AssetPatchInput, NewAssetInput } from '../asset/types';
import { parseEntityRef } from '../entity/entityRef';
import type { HistoryEvent } from '../history/events';
import { ASSET_LIST_LICENCES_INCLUDE, type AssetLicences, type AssetLicenceSummary } from '../licence/assetLicences';
import { withListedLicences } from './listedLicences';
import type { TransitionOption } from '../lifecycle/transition';
import type {
  AssetLinkInput,
  EntityLink,
  EntityLinkInput,
  TicketLink,
  TicketLinkInput,
} from '../links/schema';
import type { MaturityAssessment } from '../kpi/itamMaturity';
import type { StoredEntitlement, StoredProduct } from '../licence/stored';
import type { AuditCampaign } from '../audit/campaign';
import type { AuditObservationInput, NewAuditCampaignInput } from '../audit/schema';
import type { ImportJob } from '../imports/job';
import type {
  AssetListQuery,
  AuditCampaignWithResult,
  AuditFindingsPage,
  AuditFindingsQuery,
  ImportRequest,
  ChangeImpactResponse,
  ImpactRequest,
  KpiReport,
  LicencePositionResponse,
  LicencePositionsResponse,
  ListedInstallation,
  ItamSettings,
  RiskFindingsQuery,
  RiskFindingsResponse,
  AssetTicket,
  EntityAsset,
  ListedAsset,
  StoredAssetLinkDto,
  ItamApi,
  Page,
  TransitionInput,
} from './types';

/**
 * The subset of the Fetch API the client needs; browsers, Node 18+ and Forge all provide it.
 *
 * @public
 */
export type FetchLike = (
  url: string,
  init?: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  },
) => Promise<{
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

/**
 * An error answer from the ITAM backend, with its HTTP status and Backstage's error body.
 *
 * @public
 */
export class ItamApiError extends Error {
  override readonly name = 'ItamApiError';
  constructor(
    readonly status: number,
    message: string,
    /** The error's name in the body, e.g. `InputError`, `ConflictError`, `NotAllowedError`. */
    readonly errorName?: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/**
 * Options of {@link ItamClient}.
 *
 * @public
 */
export interface ItamClientOptions {
  /** Base URL of the ITAM API, e.g. `https://backstage.example.com/api/itam`, or a resolver. */
  baseUrl: string | (() => Promise<string>);
  fetch: FetchLike;
  /** Extra headers per request, e.g. an Authorization header. */
  headers?: () => Promise<Record<string, string>> | Record<string, string>;
}

/** Asset ids per `GET /asset-licences` (the most it takes). */
const ASSET_LICENCES_PER_REQUEST = 200;

/**
 * Typed HTTP client for the ITAM backend; the Backstage frontend and the Forge resolvers share it.
 *
 * @public
 */
export class ItamClient implements ItamApi {
  constructor(private readonly options: ItamClientOptions) {}

  listAssets(query: AssetListQuery = {}): Promise<Page<ListedAsset>> {
    return this.request('GET', `/assets${toQueryString(query)}`);
  }

  getAsset(idOrTag: string): Promise<Asset> {
    return this.request('GET', `/assets/${encodeURIComponent(idOrTag)}`);
  }

  createAsset(input: NewAssetInput): Promise<Asset> {
    return this.request('POST', '/assets', input);
  }

  updateAsset(id: string, version: number, patch: AssetPatchInput): Promise<Asset> {
    return this.request('PATCH', `/assets/${encodeURIComponent(id)}`, patch, {
      'if-match': `"${version}"`,
    });
  }

  transitionAsset(id: string, version: number, input: TransitionInput): Promise<Asset> {
    return this.request('POST', `/assets/${encodeURIComponent(id)}/transitions`, input, {
      'if-match': `"${version}"`,
    });
  }

  async getTransitionOptions(id: string): Promise<TransitionOption[]> {
    const body = await this.request<{ items: TransitionOption[] }>(
      'GET',
      `/assets/${encodeURIComponent(id)}/transitions`,
    );
    return body.items;
  }

  getAssetHistory(id: string): Promise<HistoryEvent[]> {
    return this.allPages<HistoryEvent>(`/assets/${encodeURIComponent(id)}/history`, {});
  }

  async getEntityLinks(id: string): Promise<EntityLink[]> {
    const body = await this.request<{ items: EntityLink[] }>(
      'GET',
      `/assets/${encodeURIComponent(id)}/entity-links`,
    );
    return body.items;
  }

  addEntityLink(id: string, link: EntityLinkInput): Promise<EntityLink> {
    return this.request('POST', `/assets/${encodeURIComponent(id)}/entity-links`, link);
  }

  async removeEntityLink(id: string, link: EntityLinkInput): Promise<void> {
    await this.request(
      'DELETE',
      `/assets/${encodeURIComponent(id)}/entity-links${toQueryString(link)}`,
    );
  }

  async getEntityAssets(entityRef: string, options: { withLicences?: boolean } = {}): Promise<EntityAsset[]> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    const path = `/entities/${[kind, namespace, name].map(encodeURIComponent).join('/')}/assets`;
    if (!options.withLicences) return this.allPages<EntityAsset>(path, {});
    const items: EntityAsset[] = [];
    let cursor: string | undefined;
    do {
      const page: Page<EntityAsset> & { licences?: Record<string, AssetLicenceSummary> } = await this.request(
        'GET',
        `${path}${toQueryString({ include: ASSET_LIST_LICENCES_INCLUDE, cursor })}`,
      );
      items.push(...withListedLicences(page.items, page.licences));
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  async getAssetLinks(id: string): Promise<StoredAssetLinkDto[]> {
    const body = await this.request<{ items: StoredAssetLinkDto[] }>(
      'GET',
      `/assets/${encodeURIComponent(id)}/asset-links`,
    );
    return body.items;
  }

  addAssetLink(id: string, link: AssetLinkInput): Promise<StoredAssetLinkDto> {
    return this.request('POST', `/assets/${encodeURIComponent(id)}/asset-links`, link);
  }

  async removeAssetLink(id: string, link: AssetLinkInput): Promise<void> {
    await this.request(
      'DELETE',
      `/assets/${encodeURIComponent(id)}/asset-links${toQueryString(link)}`,
    );
  }

  async getAssetTickets(id: string): Promise<AssetTicket[]> {
    const body = await this.request<{ items: AssetTicket[] }>(
      'GET',
      `/assets/${encodeURIComponent(id)}/tickets`,
    );
    return body.items;
  }

  linkTicket(id: string, link: TicketLinkInput): Promise<TicketLink> {
    return this.request('POST', `/assets/${encodeURIComponent(id)}/tickets`, link);
  }

  async unlinkTicket(id: string, site: string, issueKey: string): Promise<void> {
    await this.request(
      'DELETE',
      `/assets/${encodeURIComponent(id)}/tickets${toQueryString({ site, issueKey })}`,
    );
  }

  async getTicketAssets(
    site: string,
    issueKey: string,
  ): Promise<{ asset: Asset; link: AssetTicket }[]> {
    const body = await this.request<{ items: { asset: Asset; link: AssetTicket }[] }>(
      'GET',
      `/tickets/${encodeURIComponent(site)}/${encodeURIComponent(issueKey)}/assets`,
    );
    return body.items;
  }

  /** A page of the risk findings under the query's filters, with the counts of the whole filtered list. */
  getRiskFindings(query: RiskFindingsQuery = {}): Promise<RiskFindingsResponse> {
    return this.request('GET', `/risks${toQueryString(query)}`);
  }

  getKpis(query: { from?: string; to?: string; currency?: string } = {}): Promise<KpiReport> {
    return this.request('GET', `/kpis${toQueryString(query)}`);
  }

  getMaturity(): Promise<MaturityAssessment> {
    return this.request('GET', '/maturity');
  }

  /** The notice windows and critical tier the register is configured with. */
  getSettings(): Promise<ItamSettings> {
    return this.request('GET', '/settings');
  }

  assessImpact(request: ImpactRequest): Promise<ChangeImpactResponse> {
    return this.request('POST', '/impact', { assets: [], entityRefs: [], ...request });
  }

  async listProducts(): Promise<StoredProduct[]> {
    return (await this.request<{ items: StoredProduct[] }>('GET', '/products')).items;
  }

  async listEntitlements(query: { productId?: string } = {}): Promise<StoredEntitlement[]> {
    return (await this.request<{ items: StoredEntitlement[] }>('GET', `/entitlements${toQueryString(query)}`)).items;
  }

  listInstallations(query: { assetId?: string; productId?: string } = {}): Promise<ListedInstallation[]> {
    return this.allPages<ListedInstallation>('/installations', query);
  }

  /**
   * Every item of a paged list, following `nextCursor` page after page: for callers that need the
   * whole list (an asset's history, a device's installations). The server bounds each page.
   */
  private async allPages<T>(path: string, query: object): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page: Page<T> = await this.request('GET', `${path}${toQueryString({ ...query, cursor })}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  getLicencePositions(): Promise<LicencePositionsResponse> {
    return this.request('GET', '/licences/positions');
  }

  async getAssetLicences(assetIds: readonly string[]): Promise<AssetLicences[]> {
    const ids = [...new Set(assetIds)];
    const items: AssetLicences[] = [];
    for (let i = 0; i < ids.length; i += ASSET_LICENCES_PER_REQUEST) {
      const assetId = ids.slice(i, i + ASSET_LICENCES_PER_REQUEST);
      items.push(...(await this.request<{ items: AssetLicences[] }>('GET', `/asset-licences${toQueryString({ assetId })}`)).items);
    }
    return items;
  }

  getLicencePosition(productId: string): Promise<LicencePositionResponse> {
    return this.request('GET', `/licences/positions/${encodeURIComponent(productId)}`);
  }

  runImport(request: ImportRequest): Promise<ImportJob> {
    const { format, content, dryRun, currency, jobId, kind, encoding, dateFormat, decimalSeparator, mode, unknownPeople } = request;
    const csv = format.endsWith('-csv');
    const query = {
      format,
      dryRun: dryRun ? 'true' : undefined,
      currency,
      jobId,
      kind,
      encoding,
      dateFormat,
      decimalSeparator: decimalSeparator === ',' ? 'comma' : decimalSeparator === '.' ? 'dot' : undefined,
      mode,
      unknownPeople,
    };
    return this.request(
      'POST',
      `/imports${toQueryString(query)}`,
      // Bytes go as application/octet-stream: the server reads the encoding from them.
      new RawBody(content, typeof content === 'string' ? (csv ? 'text/csv' : 'application/json') : 'application/octet-stream'),
    );
  }

  async listImports(): Promise<ImportJob[]> {
    return (await this.request<{ items: ImportJob[] }>('GET', '/imports')).items;
  }

  getImport(id: string): Promise<ImportJob> {
    return this.request('GET', `/imports/${encodeURIComponent(id)}`);
  }

  async listAudits(): Promise<AuditCampaign[]> {
    return (await this.request<{ items: AuditCampaign[] }>('GET', '/audits')).items;
  }

  getAudit(id: string): Promise<AuditCampaignWithResult> {
    return this.request('GET', `/audits/${encodeURIComponent(id)}`);
  }

  /** A page of a campaign's findings, of one kind or all. */
  listAuditFindings(id: string, query: AuditFindingsQuery = {}): Promise<AuditFindingsPage> {
    return this.request('GET', `/audits/${encodeURIComponent(id)}/findings${toQueryString(query)}`);
  }

  createAudit(input: NewAuditCampaignInput): Promise<AuditCampaign> {
    return this.request('POST', '/audits', input);
  }

  addAuditObservations(
    id: string,
    observations: AuditObservationInput[],
  ): Promise<AuditCampaignWithResult> {
    return this.request('POST', `/audits/${encodeURIComponent(id)}/observations`, {
      observations,
    });
  }

  closeAudit(id: string): Promise<AuditCampaign> {
    return this.request('POST', `/audits/${encodeURIComponent(id)}/close`);
  }

  /** One API call; subclasses for other API areas (e.g. {@link ItamJiraClient}) share it. */
  protected async request<T>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const base =
      typeof this.options.baseUrl === 'string'
        ? this.options.baseUrl
        : await this.options.baseUrl();
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(await this.options.headers?.()),
      ...extraHeaders,
    };
    if (body !== undefined) {
      headers['content-type'] = body instanceof RawBody ? body.contentType : 'application/json';
    }
    const response = await this.options.fetch(`${base.replace(/\/+$/, '')}${path}`, {
      method,
      headers,
      body:
        body === undefined
          ? undefined
          : body instanceof RawBody
            ? // An import's bytes go as they are: only runImport sends them, through the browser's
              // or Node's fetch, which take a Uint8Array body (the Forge app never uploads files).
              (body.text as string)
            : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const error = (parsed as { error?: { name?: string; message?: string } } | undefined)?.error;
      throw new ItamApiError(
        response.status,
        error?.message ?? `${method} ${path} failed: ${response.status} ${response.statusText}`,
        error?.name,
        parsed,
      );
    }
    return parsed as T;
  }
}

/** A request body sent as is (an uploaded file), not serialised as JSON. */
class RawBody {
  constructor(
    readonly text: string | Uint8Array,
    readonly contentType: string,
  ) {}
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toQueryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
