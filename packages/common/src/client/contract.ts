// Type checks, for the compiler only: the client's types against the types generated from the
// backend's OpenAPI document (api.generated.ts, see scripts/openapi/types.ts). When the document
// changes a body the client reads, this file stops compiling until the client's types follow.
// Open schemas (an asset's extra fields) are checked one way: what the client reads is in them.
import type { components, operations } from './api.generated';
import type { JiraConnection, JiraIssueAsset } from './ItamJiraClient';
import type { AssetTicket, ItamSettings, StoredAssetLinkDto } from './types';
import type { Asset } from '../asset/types';
import type { AssetLink, EntityLink, TicketLink } from '../links/schema';
import type { RuleViolation } from '../errors';
import type { TransitionOption } from '../lifecycle/transition';

type Schemas = components['schemas'];
/** The JSON body of an operation's `status` response. */
type ResponseBody<Op extends keyof operations, Status extends number> = operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer Body } }> ? Body : never;
/** True when a value of `From` is a value of `To`. */
type Assignable<From, To> = [From] extends [To] ? true : false;
/** Assignable both ways, with the same properties (optional ones included). */
type Same<A, B> = Assignable<A, B> extends true ? (Assignable<B, A> extends true ? Assignable<[keyof A, keyof B], [keyof B, keyof A]> : false) : false;

/** Each entry must be `true`: a `false` names the type that drifted from the document. */
export type ClientContractChecks = {
  asset: Assignable<Asset, Schemas['Asset']>;
  assetLink: Same<AssetLink, Schemas['AssetLink']>;
  storedAssetLink: Assignable<StoredAssetLinkDto, Schemas['StoredAssetLink']>;
  entityLink: Same<EntityLink, Schemas['EntityLink']>;
  ticketLink: Same<TicketLink, Schemas['TicketLink']>;
  assetTicket: Same<AssetTicket, Schemas['AssetTicket']>;
  ruleViolation: Same<RuleViolation, Schemas['RuleViolation']>;
  transitionOption: Assignable<TransitionOption, Schemas['TransitionOption']>;
  settings: Same<ItamSettings, ResponseBody<'getSettings', 200>>;
  jiraConnection: Same<JiraConnection, Schemas['JiraConnection']>;
  // The client merges each asset's licence status into the item it came beside.
  jiraIssueAsset: Assignable<Omit<JiraIssueAsset, 'licences'>, Schemas['JiraIssueAsset']>;
};

const everyCheckHolds: ClientContractChecks = {
  asset: true,
  assetLink: true,
  storedAssetLink: true,
  entityLink: true,
  ticketLink: true,
  assetTicket: true,
  ruleViolation: true,
  transitionOption: true,
  settings: true,
  jiraConnection: true,
  jiraIssueAsset: true,
};
void everyCheckHolds;
