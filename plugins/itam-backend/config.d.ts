import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** IT Asset Management plugin. */
  itam?: {
    analytics?: {
      /**
       * When the KPI and risk snapshot is recomputed (a scheduler task schedule).
       * Default: every 60 minutes, 30 s after start, with a 30-minute timeout.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /**
     * What service callers (static tokens, the Jira app, other plugins) may do, by subject. A
     * service caller that is neither listed here nor given `permission` names in its
     * `accessRestrictions` is refused. A Forge invocation (the `forge` token handler) is a Jira
     * caller without being listed: it may read the register and link tickets on its own site.
     */
    serviceAccess?: {
      [subject: string]: {
        /** ITAM permission names, e.g. itam.asset.read, itam.ticket.link. */
        permissions: string[];
        /**
         * Binds the caller to one Jira site (e.g. acme.atlassian.net): the Jira routes act on
         * this site's ticket links only, and the caller may have only itam.asset.read and
         * itam.ticket.link.
         */
        jiraSite?: string;
      };
    };
    catalog?: {
      /**
       * How often the catalogue module (`catalogModuleItamAssets`) publishes the register as
       * `Resource` entities (a HumanDuration). Default: every 30 minutes.
       */
      frequency?: { minutes?: number; hours?: number };
      /**
       * The highest data classification whose assets the catalogue module publishes: the
       * catalogue shows its entities to everyone who may read it, so assets above it (their
       * names, descriptions and the services they serve) stay in the register only.
       * Default: `internal`.
       */
      maxDataClassification?: 'public' | 'internal' | 'confidential' | 'restricted';
    };
    /**
     * The risk rules' thresholds. The notice windows and the critical tiers also decide what the
     * Backstage pages and the Jira panels flag (served to them by `GET /api/itam/settings`).
     */
    risk?: {
      /** Tiers up to and including this one are critical (1 is the most critical). Default: 2. */
      criticalTierMax?: number;
      /** Days before a warranty ends that it is flagged. Default: 90. */
      warranty?: { warnWithinDays?: number };
      /** Days before end of life that it is flagged. Default: 180. */
      endOfLife?: { warnWithinDays?: number };
      /** Days before end of support that it is flagged. Default: 90. */
      endOfSupport?: { warnWithinDays?: number };
      /** Days before an entitlement ends that it is flagged, and raised to high. Defaults: 90 and 30. */
      entitlementExpiry?: { warnWithinDays?: number; urgentWithinDays?: number };
      /** Days since an asset was last verified by an audit before it is flagged. Default: 365. */
      audit?: { maxDaysSinceVerified?: number };
      /** Risk rules to skip, by id (e.g. where discovery is not connected). */
      disabledRules?: string[];
    };
    api?: {
      /**
       * Whether every JSON response is checked against the plugin's OpenAPI document; one the
       * document does not describe answers 500 naming the mismatch. For development and tests
       * (the plugin's own run with it on); each response then costs a schema check. Default: false.
       */
      validateResponses?: boolean;
    };
    licences?: {
      reconciliation?: {
        /**
         * Whether the licence reconciliation (the scheduled task's, and after licence writes)
         * runs in a worker thread with a connection of its own, off the event loop and in a heap
         * of its own. Without a database file to share (SQLite in memory) it runs on the main
         * thread anyway. Default: true.
         */
        worker?: boolean;
        /**
         * MB of old-generation heap the worker may use; a part of the estate needing more is
         * reconciled on the main thread instead, with a warning. Default: 256.
         */
        workerHeapMb?: number;
      };
    };
    database?: {
      /**
       * MiB of an SQLite database file each connection maps into memory for the hot reads (entity
       * asset lookups). The mapped pages are the operating system's shared file cache. 0 turns the
       * mapping off. Ignored on PostgreSQL. Default: 256 (SQLite caps it at about 2 GiB).
       */
      sqliteMmapSizeMiB?: number;
    };
  };
}
