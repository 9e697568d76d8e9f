import { useApi } from '@backstage/core-plugin-api';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import type { ItamPermission } from '@itam/common';
import useAsync from 'react-use/esm/useAsync';

/**
 * Whether the user may do what `permission` guards (false while asking and when the answer is
 * not ALLOW), so actions a user may not take are hidden. The backend checks again on every call.
 * Asset permissions (resource type `itam-asset`) are asked about one asset: `resourceRef` is its
 * id, and without one the answer is false (a policy may allow them for some assets only).
 */
export function useItamPermission(
  permission: ItamPermission,
  resourceRef?: string,
): { allowed: boolean; loading: boolean } {
  const permissionApi = useApi(permissionApiRef);
  const { value, loading } = useAsync(async () => {
    if (permission.type === 'resource') {
      if (!resourceRef) return false;
      return (await permissionApi.authorize({ permission, resourceRef })).result === 'ALLOW';
    }
    return (await permissionApi.authorize({ permission })).result === 'ALLOW';
  }, [permissionApi, permission.name, resourceRef]);
  return { allowed: value === true, loading };
}
