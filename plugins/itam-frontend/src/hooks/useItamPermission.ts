import { useApi } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type { ItamPermission } from '@itam/common';
import useAsync from 'react-use/esm/useAsync';

/**
 * Whether the user may do what `permission` guards (false while asking and when the answer is
 * not ALLOW), so actions a user may not take are hidden. The backend checks again on every call.
 */
export function useItamPermission(permission: ItamPermission): { allowed: boolean; loading: boolean } {
  const permissionApi = useApi(permissionApiRef);
  const { value, loading } = useAsync(
    async () => (await permissionApi.authorize({ permission })).result === 'ALLOW',
    [permissionApi, permission.name],
  );
  return { allowed: value === true, loading };
}
