// The inspections use case: today's roll, the acts of the inspections tab and the catalogue give who needs a
// housing-condition act, what is done, what is due or overdue; shared by `qamqor inspections`, the reports and the
// Sheets sidebar and open-time notice.
import { RegistryError } from '../domain/i18n';
import { readMovements } from '../domain/registers/movements';
import { inspectionNeeds, inspectionsReport, readInspections, type InspectionAct, type InspectionNeed, type InspectionsReport } from '../domain/registers/inspections';
import { rollSource, type RollSource } from '../domain/registers/roll';
import type { Registry } from '../domain/registry/registry';

export interface Inspections {
  report: InspectionsReport;
  needs: InspectionNeed[];
  acts: InspectionAct[];
  source: RollSource;
}

export function inspectionsOf(registry: Registry, today: string, source: RollSource = rollSource(registry, readMovements(registry))): Inspections {
  const year = registry.settings.schoolYear;
  if (!year) throw Object.assign(new RegistryError('no_school_year'), { lang: registry.lang });
  const acts = readInspections(registry);
  const needs = inspectionNeeds(source, acts, registry.catalogue, year, today);
  return { report: inspectionsReport(year.name, today, needs), needs, acts, source };
}
