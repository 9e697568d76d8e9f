import ForgeReconciler from '@forge/react';
import { StrictMode } from 'react';
import { AssetFieldEdit } from './asset-field-edit';

ForgeReconciler.render(
  <StrictMode>
    <AssetFieldEdit />
  </StrictMode>,
);
