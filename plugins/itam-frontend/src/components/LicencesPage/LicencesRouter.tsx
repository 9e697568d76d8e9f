import { Route, Routes, useParams } from 'react-router-dom';
import { useItamRoutes } from '../../hooks';
import { ItamNotFound } from '../ItamNotFound';
import { LicencePositionPage } from './LicencePositionPage';
import { LicencesPage } from './LicencesPage';

function LicencePositionRoute() {
  const { productId = '' } = useParams();
  return <LicencePositionPage productId={productId} />;
}

function NoSuchPage() {
  const routes = useItamRoutes();
  return (
    <ItamNotFound
      title="There is no such licence page"
      back={{ href: routes.licences, label: 'Open the licence positions' }}
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
