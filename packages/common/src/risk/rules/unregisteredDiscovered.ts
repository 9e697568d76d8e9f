import { toDayNumber } from '../dates';
import { compareText } from '../../text/compareText';
import type { DiscoveryObservationInput, RiskFinding, RiskRule } from '../types';

const KEY_SEPARATOR = '\u0000';

/** Serial numbers are compared without case or surrounding spaces: tools disagree on both. */
function normaliseSerial(serial: string | undefined): string | undefined {
  const s = serial?.trim().toUpperCase();
  return s ? s : undefined;
}

/**
 * `unregistered-discovered`: a device discovery reported whose `source` + `sourceId` is no
 * asset's external id and whose serial number is no asset's serial. Medium: an unmanaged device
 * is unpatched, unlicensed and unowned as far as the register knows.
 *
 * Every asset is matched against, whatever its stage, so a disposed asset seen again is not
 * called unregistered. The same device reported twice by a source is one finding, described
 * by its latest sighting.
 *
 * @public
 */
export const unregisteredDiscoveredRule: RiskRule = {
  id: 'unregistered-discovered',
  evaluate: ctx => {
    const externalIds = new Set<string>();
    const serials = new Set<string>();
    for (const asset of ctx.input.assets) {
      for (const ext of asset.externalIds ?? []) {
        externalIds.add(`${ext.source.trim()}${KEY_SEPARATOR}${ext.sourceId.trim()}`);
      }
      const serial = normaliseSerial(asset.serialNumber);
      if (serial) serials.add(serial);
    }
    const unmatched = new Map<string, { obs: DiscoveryObservationInput; day: number }>();
    (ctx.input.discoveries ?? []).forEach((obs, i) => {
      const key = `${obs.source.trim()}${KEY_SEPARATOR}${obs.sourceId.trim()}`;
      const serial = normaliseSerial(obs.serialNumber);
      if (externalIds.has(key) || (serial && serials.has(serial))) return;
      const day = obs.seenOn ? toDayNumber(obs.seenOn, `discoveries.${i}.seenOn`) : -Infinity;
      const known = unmatched.get(key);
      if (!known || isLater(day, obs, known)) unmatched.set(key, { obs, day });
    });
    const findings: RiskFinding[] = [];
    for (const { obs } of unmatched.values()) {
      const id = `${obs.source.trim()}:${obs.sourceId.trim()}`;
      const serial = normaliseSerial(obs.serialNumber);
      const facts = [
        obs.name ? `named ${obs.name}` : undefined,
        serial ? `serial ${serial}` : 'no serial number',
        obs.seenOn ? `last seen ${obs.seenOn}` : undefined,
      ].filter(Boolean);
      findings.push({
        ruleId: 'unregistered-discovered',
        severity: 'medium',
        subject: { kind: 'discovery', id, label: obs.name?.trim() || serial || id },
        explanation: `Discovery source ${obs.source.trim()} reported device ${obs.sourceId.trim()} (${facts.join(', ')}); no asset has that external id or serial number.`,
        suggestedAction:
          'Register the device (or link the discovery id to its existing asset), or find out why an unknown device is on the network.',
      });
    }
    return findings;
  },
};

/** Latest sighting wins; equal days fall back to the name so duplicates resolve the same way in any order. */
function isLater(
  day: number,
  obs: DiscoveryObservationInput,
  known: { obs: DiscoveryObservationInput; day: number },
): boolean {
  if (day !== known.day) return day > known.day;
  return (
    (compareText(obs.name ?? '', known.obs.name ?? '') ||
      compareText(obs.serialNumber ?? '', known.obs.serialNumber ?? '')) > 0
  );
}
