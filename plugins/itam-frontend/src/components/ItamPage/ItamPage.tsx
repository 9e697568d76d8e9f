import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { AssetsRouter } from '../AssetsRouter';

/**
 * The ITAM section for apps on the legacy frontend system: a page with the section's header and
 * one tab per area (today the asset register, its asset pages and forms, under `assets`).
 * The new frontend system builds the same section from `PageBlueprint` and `SubPageBlueprint`.
 */
export function ItamPage() {
  return (
    <Page themeId="tool">
      <Header
        title="IT asset management"
        subtitle="The asset register: lifecycle, ownership, warranties and end of life"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/assets" title="Asset register">
          <AssetsRouter />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
