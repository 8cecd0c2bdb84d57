import { sha256Hex } from '../core/hash.js';
import { listAudit, verifyAuditChain } from '../store/review/audit.js';
import { getSnapshot } from '../store/snapshots.js';
import { caseDetail } from './case-detail.js';
import { caseSubject, requireCase, type ReviewDeps } from './cases.js';
import { citedProvisions } from './legal-registry-store.js';
import { tarGz } from './tar.js';

/**
 * The evidence pack of a case as one .tar.gz: the case with its decisions, actions and appeals, the
 * findings, the legal provisions cited (the revision each decision cited), every snapshot involved (the document's versions and the compliance re-checks, as the raw
 * bytes, named by SHA-256), the notices, the case's audit entries with their hashes and the result of
 * verifying the whole chain, and a SHA256SUMS manifest.
 */
export async function evidencePack(deps: ReviewDeps, ref: string): Promise<{ fileName: string; archive: Buffer }> {
  const c = await requireCase(deps.db, ref);
  const detail = await caseDetail(deps, c.number);
  const now = deps.clock.now();
  const files: Array<{ name: string; body: Uint8Array | string }> = [];
  const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  files.push({ name: 'case.json', body: json({ ...detail, findings: undefined }) });
  files.push({ name: 'findings.json', body: json(detail.findings) });
  // Each decision's legal basis as the revision it cited: the text then, whatever was revised since.
  const cited = [];
  for (const d of detail.decisions) cited.push({ decision: d.id, provisions: await citedProvisions(deps.db, d.legalBasis) });
  if (cited.length > 0) files.push({ name: 'legal-basis.json', body: json(cited) });
  const shas = new Set<string>();
  if (c.documentId) {
    const versions = await deps.db.selectFrom('document_versions').select(['version', 'snapshot_sha256', 'text', 'content_hash', 'seen_at']).where('document_id', '=', c.documentId).orderBy('version').execute();
    files.push({ name: 'document-versions.json', body: json(versions) });
    for (const v of versions) if (v.snapshot_sha256) shas.add(v.snapshot_sha256);
  }
  for (const a of detail.actions) if (a.checkSnapshotSha256) shas.add(a.checkSnapshotSha256);
  for (const sha of shas) {
    const s = await getSnapshot(deps.db, sha);
    if (s) files.push({ name: `snapshots/${sha}.bin`, body: s.body });
  }
  for (const a of detail.actions) {
    if (a.noticeText) files.push({ name: `notices/action-${a.id}.txt`, body: a.noticeText });
    if (a.noticeHtml) files.push({ name: `notices/action-${a.id}.html`, body: a.noticeHtml });
  }
  const entries = [];
  for (let after = 0; ; ) {
    const page = await listAudit(deps.db, { subject: caseSubject(c), afterId: after, limit: 1000 });
    entries.push(...page);
    if (page.length < 1000) break;
    after = page[page.length - 1]!.id;
  }
  files.push({ name: 'audit.jsonl', body: entries.map((e) => JSON.stringify(e)).join('\n') + '\n' });
  files.push({ name: 'audit-verification.json', body: json({ verifiedAt: now.toISOString(), ...(await verifyAuditChain(deps.db)) }) });
  const sums = files.map((f) => `${sha256Hex(typeof f.body === 'string' ? Buffer.from(f.body, 'utf8') : f.body)}  ${f.name}`).join('\n') + '\n';
  files.push({ name: 'SHA256SUMS', body: sums });
  return { fileName: `${c.number}-evidence.tar.gz`, archive: tarGz(files, now) };
}
