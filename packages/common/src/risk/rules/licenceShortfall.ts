import { ItamValidationError } from '../../errors';
import { compareText } from '../../text/compareText';
import type { RiskFinding, RiskRule } from '../types';

const LISTED_DEVICES = 5;

/**
 * `licence-shortfall`: a product whose rights do not cover its use. High, because a vendor
 * audit turns a shortfall into a back-payment at list price plus penalties.
 *
 * @throws {@link ItamValidationError} when a shortfall is not a finite number.
 * @public
 */
export const licenceShortfallRule: RiskRule = {
  id: 'licence-shortfall',
  evaluate: ctx => {
    const findings: RiskFinding[] = [];
    (ctx.input.licenceShortfalls ?? []).forEach((item, i) => {
      if (typeof item.shortfall !== 'number' || !Number.isFinite(item.shortfall)) {
        throw new ItamValidationError(
          [{ path: `licenceShortfalls.${i}.shortfall`, message: 'must be a finite number' }],
          'risk input',
        );
      }
      if (item.shortfall <= 0) return;
      // Devices are listed by tag (the id when the register does not know the device), so the
      // text and the related ids are the same whatever order the licence module produced.
      const devices = [...new Set(item.deviceAssetIds)]
        .map(id => ({ id, tag: ctx.assetsById.get(id)?.tag ?? ctx.input.assetTags?.get(id) ?? id }))
        .sort((a, b) => compareText(a.tag, b.tag) || compareText(a.id, b.id));
      const listed = devices.slice(0, LISTED_DEVICES).map(d => d.tag).join(', ');
      const more = devices.length > LISTED_DEVICES ? ` and ${devices.length - LISTED_DEVICES} more` : '';
      const where =
        devices.length === 0
          ? ''
          : ` Devices involved (${devices.length}): ${listed}${more}.`;
      findings.push({
        ruleId: 'licence-shortfall',
        severity: 'high',
        subject: { kind: 'product', id: item.productId, label: item.productName },
        relatedAssetIds: devices.map(d => d.id),
        explanation: `${item.productName} is short of ${item.shortfall} ${item.shortfall === 1 ? 'licence' : 'licences'} on ${ctx.asOf}.${where}`,
        suggestedAction:
          'Harvest unused installations, or buy the missing licences before the next true-up or vendor audit.',
      });
    });
    return findings;
  },
};
