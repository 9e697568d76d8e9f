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
    database?: {
      /**
       * MiB of an SQLite database file each connection maps into memory for the hot reads (entity
       * asset lookups). The mapped pages are the operating system's shared file cache. 0 turns the
       * mapping off. Ignored on PostgreSQL. Default: 2048 (SQLite caps it at about 2 GiB).
       */
      sqliteMmapSizeMiB?: number;
    };
  };
}
