import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { AssetsRouter } from '../AssetsRouter';
import { AuditsRouter } from '../AuditsPage';
import { ImportsPage } from '../ImportsPage';
import { KpiDashboardPage } from '../KpiDashboardPage';
import { LicencesRouter } from '../LicencesPage';
import { RiskFindingsPage } from '../RiskFindingsPage';

/**
 * The ITAM section for apps on the legacy frontend system: a page with the section's header and
 * one tab per area. The new frontend system builds the same section from `PageBlueprint` and
 * `SubPageBlueprint` (see `alpha`).
 */
export function ItamPage() {
  return (
    <Page themeId="tool">
      <Header
        title="IT asset management"
        subtitle="The asset register, licences, risks, KPIs, imports and audits"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/assets" title="Asset register">
          <AssetsRouter />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/licences" title="Licences">
          <LicencesRouter />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/kpis" title="KPIs">
          <KpiDashboardPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/risks" title="Risk findings">
          <RiskFindingsPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/imports" title="Imports">
          <ImportsPage />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/audits" title="Audits">
          <AuditsRouter />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
