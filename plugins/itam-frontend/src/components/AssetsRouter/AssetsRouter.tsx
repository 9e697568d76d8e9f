import { Route, Routes, useParams } from 'react-router-dom';
import { EmptyState } from '@backstage/core-components';
import { ButtonLink } from '@backstage/ui';
import { useItamRoutes } from '../../hooks';
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
    <EmptyState
      missing="info"
      title="There is no such page in the asset register"
      action={
        routes.register ? (
          <ButtonLink href={routes.register} variant="primary">
            Open the asset register
          </ButtonLink>
        ) : undefined
      }
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
