import type { LifecycleStage } from '../asset/constants';

/**
 * The kinds of event in an asset's history.
 *
 * @public
 */
export const HISTORY_EVENT_KINDS = ['created', 'updated', 'transitioned'] as const;
/** @public */
export type HistoryEventKind = (typeof HISTORY_EVENT_KINDS)[number];

/**
 * One changed field: its value before and after. An absent value (field not set) is `undefined`,
 * which JSON omits.
 *
 * @public
 */
export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

/**
 * An append-only entry of the audit trail: who changed what on which asset, when and why.
 *
 * @public
 */
export interface HistoryEvent {
  assetId: string;
  /** The asset's version after this event; the first event (created) is version 1. */
  version: number;
  kind: HistoryEventKind;
  /** Entity ref of the acting principal, e.g. `user:default/jane` or a service's subject. */
  actor: string;
  /** ISO 8601 date-time. */
  at: string;
  changes: FieldChange[];
  reason?: string;
  /** For `transitioned` events: the stages moved between. */
  transition?: { from: LifecycleStage; to: LifecycleStage };
}
