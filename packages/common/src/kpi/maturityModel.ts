import { ASSET_CLASSES, type AssetClass } from '../asset/constants';
import type { ValidationIssue } from '../errors';
import { throwIfIssues } from './kpiInputs';

/**
 * The five ITAM maturity levels, in the spirit of the ITIL 4 practice capability levels.
 *
 * @public
 */
export const MATURITY_LEVELS = [
  { level: 1, name: 'Initial', summary: 'Assets are tracked ad hoc; the register is not yet evidence of a practice.' },
  { level: 2, name: 'Repeatable', summary: 'A register is kept with owners and basic lifecycle data for most assets.' },
  { level: 3, name: 'Defined', summary: 'The register is audited, tied to the catalogue and reconciled with licences for much of the estate.' },
  { level: 4, name: 'Managed', summary: 'Coverage is near complete, audits are recent and accurate, and incidents are tied to assets.' },
  { level: 5, name: 'Optimised', summary: 'Evidence is complete and current across the estate, so decisions can rely on it.' },
] as const;
/** @public */
export type MaturityLevel = (typeof MATURITY_LEVELS)[number]['level'];
/** Levels that have requirements (level 1 is where everyone starts). @public */
export type RequiredMaturityLevel = Exclude<MaturityLevel, 1>;

/**
 * The measurable criteria of maturity, all shares between 0 and 1.
 *
 * @public
 */
export const MATURITY_CRITERIA = [
  'owner-coverage',
  'lifecycle-data-completeness',
  'audit-recency',
  'audit-accuracy',
  'licence-reconciliation-coverage',
  'ticket-integration',
  'catalogue-integration',
] as const;
/** @public */
export type MaturityCriterion = (typeof MATURITY_CRITERIA)[number];

/**
 * Lifecycle facts an asset may be required to carry.
 *
 * @public
 */
export const LIFECYCLE_FIELDS = ['purchaseDate', 'warrantyEnd', 'endOfLife', 'endOfSupport'] as const;
/** @public */
export type LifecycleField = (typeof LIFECYCLE_FIELDS)[number];

/**
 * The thresholds and parameters maturity is judged by.
 *
 * @public
 */
export interface MaturityModel {
  /** For each level from 2, the minimum share each criterion needs; a criterion absent is not required. */
  thresholds: Record<RequiredMaturityLevel, Partial<Record<MaturityCriterion, number>>>;
  /** An asset counts as recently audited if verified by an audit completed this many days before the assessment date. */
  auditLookbackDays: number;
  /** Lifecycle facts required per asset class; a class with none is left out of lifecycle completeness. */
  lifecycleFields: Record<AssetClass, readonly LifecycleField[]>;
}

/**
 * Default model. Each level raises the bar on what the level below measured and adds evidence:
 * owners and lifecycle data first (Repeatable), then audits, catalogue links and licence
 * reconciliation (Defined), then audit accuracy and ticket links (Managed), then near-complete
 * coverage of everything (Optimised). Warranty applies to hardware only; information assets
 * have no purchase or end-of-life facts to require.
 *
 * @public
 */
export const DEFAULT_MATURITY_MODEL: MaturityModel = {
  thresholds: {
    2: { 'owner-coverage': 0.5, 'lifecycle-data-completeness': 0.25 },
    3: {
      'owner-coverage': 0.8,
      'lifecycle-data-completeness': 0.6,
      'audit-recency': 0.5,
      'licence-reconciliation-coverage': 0.5,
      'catalogue-integration': 0.5,
    },
    4: {
      'owner-coverage': 0.95,
      'lifecycle-data-completeness': 0.85,
      'audit-recency': 0.8,
      'audit-accuracy': 0.9,
      'licence-reconciliation-coverage': 0.8,
      'ticket-integration': 0.5,
      'catalogue-integration': 0.8,
    },
    5: {
      'owner-coverage': 0.99,
      'lifecycle-data-completeness': 0.95,
      'audit-recency': 0.95,
      'audit-accuracy': 0.98,
      'licence-reconciliation-coverage': 0.95,
      'ticket-integration': 0.8,
      'catalogue-integration': 0.95,
    },
  },
  auditLookbackDays: 365,
  lifecycleFields: {
    hardware: ['purchaseDate', 'warrantyEnd', 'endOfLife'],
    software: ['purchaseDate', 'endOfSupport'],
    cloud: ['purchaseDate'],
    service: ['purchaseDate', 'endOfLife'],
    information: [],
  },
};

/**
 * Changes to the default model. A threshold of `null` removes that requirement from the level.
 *
 * @public
 */
export interface MaturityModelOverrides {
  thresholds?: Partial<Record<RequiredMaturityLevel, Partial<Record<MaturityCriterion, number | null>>>>;
  auditLookbackDays?: number;
  lifecycleFields?: Partial<Record<AssetClass, readonly LifecycleField[]>>;
}

const REQUIRED_LEVELS: readonly RequiredMaturityLevel[] = [2, 3, 4, 5];

/**
 * The default model with overrides applied.
 *
 * @throws {@link ItamValidationError} for a threshold outside 0..1, an unknown level, criterion,
 * asset class or lifecycle field, or a look-back that is not a positive whole number of days.
 * @public
 */
export function resolveMaturityModel(overrides: MaturityModelOverrides = {}): MaturityModel {
  const issues: ValidationIssue[] = [];
  const thresholds = Object.fromEntries(
    REQUIRED_LEVELS.map(level => [level, { ...DEFAULT_MATURITY_MODEL.thresholds[level] }]),
  ) as MaturityModel['thresholds'];
  for (const [levelKey, changes] of Object.entries(overrides.thresholds ?? {})) {
    const level = Number(levelKey) as RequiredMaturityLevel;
    if (!REQUIRED_LEVELS.includes(level)) {
      issues.push({ path: `thresholds.${levelKey}`, message: 'must be a level from 2 to 5' });
      continue;
    }
    for (const [criterion, value] of Object.entries(changes ?? {})) {
      const path = `thresholds.${levelKey}.${criterion}`;
      if (!(MATURITY_CRITERIA as readonly string[]).includes(criterion)) {
        issues.push({ path, message: `must be one of ${MATURITY_CRITERIA.join(', ')}` });
      } else if (value === null) {
        delete thresholds[level][criterion as MaturityCriterion];
      } else if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        issues.push({ path, message: 'must be a share between 0 and 1, or null to drop the requirement' });
      } else {
        thresholds[level][criterion as MaturityCriterion] = value;
      }
    }
  }
  const auditLookbackDays = overrides.auditLookbackDays ?? DEFAULT_MATURITY_MODEL.auditLookbackDays;
  if (!Number.isInteger(auditLookbackDays) || auditLookbackDays < 1) {
    issues.push({ path: 'auditLookbackDays', message: 'must be a whole number of days, at least 1' });
  }
  const lifecycleFields = { ...DEFAULT_MATURITY_MODEL.lifecycleFields };
  for (const [assetClass, fields] of Object.entries(overrides.lifecycleFields ?? {})) {
    const path = `lifecycleFields.${assetClass}`;
    if (!(ASSET_CLASSES as readonly string[]).includes(assetClass)) {
      issues.push({ path, message: `must be one of ${ASSET_CLASSES.join(', ')}` });
    } else if (!Array.isArray(fields) || fields.some(f => !(LIFECYCLE_FIELDS as readonly string[]).includes(f))) {
      issues.push({ path, message: `must list fields among ${LIFECYCLE_FIELDS.join(', ')}` });
    } else {
      lifecycleFields[assetClass as AssetClass] = [...fields];
    }
  }
  throwIfIssues(issues, 'maturity model');
  return { thresholds, auditLookbackDays, lifecycleFields };
}
