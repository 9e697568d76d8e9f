/**
 * The origin of the backend this deployment may call: `ITAM_BACKEND_ORIGIN`, set for the app's
 * functions with `forge variables set` to the same value the manifest's `itam-backend` remote and
 * egress were deployed with (see the README). Undefined when not set or not an https origin.
 */
export function deployedBackendOrigin(): string | undefined {
  const raw = process.env.ITAM_BACKEND_ORIGIN?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
