import { Route, Routes, useParams } from 'react-router-dom';
import { EmptyState } from '@backstage/core-components';
import { ButtonLink } from '@backstage/ui';
import { useItamRoutes } from '../../hooks';
import { LicencePositionPage } from './LicencePositionPage';
import { LicencesPage } from './LicencesPage';

function LicencePositionRoute() {
  const { productId = '' } = useParams();
  return <LicencePositionPage productId={productId} />;
}

function NoSuchPage() {
  const routes = useItamRoutes();
  return (
    <EmptyState
      missing="info"
      title="There is no such licence page"
      action={
        routes.licences ? (
          <ButtonLink href={routes.licences} variant="primary">
            Open the licence positions
          </ButtonLink>
        ) : undefined
      }
    />
  );
}

/**
 * The licence pages, relative to where they are mounted (`/itam/licences` in the ITAM section):
 * every product's position, and `:productId` for one product's.
 */
export function LicencesRouter() {
  return (
    <Routes>
      <Route index element={<LicencesPage />} />
      <Route path=":productId" element={<LicencePositionRoute />} />
      <Route path="*" element={<NoSuchPage />} />
    </Routes>
  );
}
