import { Route, Routes, useParams } from 'react-router-dom';
import { useItamRoutes } from '../../hooks';
import { ItamNotFound } from '../ItamNotFound';
import { AssetForm } from '../AssetForm';
import { AssetPage } from '../AssetPage';
import { AssetRegisterPage } from '../AssetRegisterPage';

function AssetPageRoute() {
  const { assetId = '' } = useParams();
  return <AssetPage assetId={assetId} />;
}

function EditAssetRoute() {
  const { assetId = '' } = useParams();
  return <AssetForm assetId={assetId} />;
}

function NoSuchPage() {
  const routes = useItamRoutes();
  return (
    <ItamNotFound
      title="There is no such page in the asset register"
      back={{ href: routes.register, label: 'Open the asset register' }}
    />
  );
}

/**
 * The register's pages, relative to where it is mounted (`/itam/assets` in the ITAM section):
 * the list, `new`, `:assetId` and `:assetId/edit`.
 */
export function AssetsRouter() {
  return (
    <Routes>
      <Route index element={<AssetRegisterPage />} />
      <Route path="new" element={<AssetForm />} />
      <Route path=":assetId" element={<AssetPageRoute />} />
      <Route path=":assetId/edit" element={<EditAssetRoute />} />
      <Route path="*" element={<NoSuchPage />} />
    </Routes>
  );
}
