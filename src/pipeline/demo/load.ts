import { getOutlet, createOutlet } from '../../store/outlets.js';
import { ingestBatch, type IngestReport, type PipelineDeps } from '../ingest.js';
import { importFactChecks } from '../factchecks.js';
import { DEMO_FACTCHECKS, DEMO_OUTLETS, demoItems } from './data.js';

export interface DemoReport {
  outlets: number;
  documents: number;
  findings: number;
}

/** Loads the demo outlets and threads; loading again changes nothing (ingest is idempotent). */
export async function loadDemo(deps: PipelineDeps & { reloadDetectors(): Promise<void> }): Promise<DemoReport> {
  // Fact-checks first, so the detectors built from them see the demo posts.
  await importFactChecks(deps, DEMO_FACTCHECKS, 'demo');
  await deps.reloadDetectors();
  let outlets = 0;
  for (const o of DEMO_OUTLETS) {
    if (await getOutlet(deps.db, o.id!)) continue;
    await createOutlet(deps.db, o, deps.clock.now());
    outlets++;
  }
  const reports: IngestReport[] = [];
  for (const t of demoItems()) reports.push(await ingestBatch(deps, { outletId: t.outletId, items: t.items, snapshot: null }));
  return {
    outlets,
    documents: reports.reduce((n, r) => n + r.inserted + r.changed, 0),
    findings: reports.reduce((n, r) => n + r.findings, 0),
  };
}
