import ForgeReconciler from '@forge/react';
import { StrictMode } from 'react';
import { AssetFieldView } from './asset-field-view';

ForgeReconciler.render(
  <StrictMode>
    <AssetFieldView />
  </StrictMode>,
);
