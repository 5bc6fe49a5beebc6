/** Reconciliation of several reports: people, figure findings, series and framing differences. */
import type { ReportExtraction } from '../types.js';
import { groupPeople } from './people.js';
import type { PersonAcrossReports } from './people.js';
import { reconcileFigures } from './reconcile.js';
import type { Reconciliation } from './reconcile.js';
import { figureSeries } from './series.js';
import type { FigureSeries } from './series.js';
import { framingDifferences } from './framing-differences.js';
import type { FramingDifference } from './framing-differences.js';

export type { PersonAcrossReports, Reconciliation, FigureSeries, FramingDifference };

/** Everything learnt by reading the reports together. */
export interface ReconciledReports {
  readonly people: PersonAcrossReports[];
  readonly reconciliation: Reconciliation[];
  readonly series: FigureSeries[];
  readonly framingDifferences: FramingDifference[];
}

/** Reconciles figures, people and framing across reports (indices refer to the given order). */
export function reconcile(reports: readonly ReportExtraction[]): ReconciledReports {
  return {
    people: groupPeople(reports),
    reconciliation: reconcileFigures(reports),
    series: figureSeries(reports),
    framingDifferences: framingDifferences(reports),
  };
}
