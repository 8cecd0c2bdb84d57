import { useState, type FormEvent } from 'react';
import { api, query } from '../api.js';
import { labelOf, useI18n, type MessageKey } from '../i18n.js';
import { ErrorBox, Loading, useLoad } from '../ui.js';
import type { TransparencyReport as Report } from '../../../src/review/types.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The transparency report for a period (counts only; nothing about any person). */
export function ReportPage() {
  const { t } = useI18n();
  const [from, setFrom] = useState(() => day(new Date(Date.now() - 90 * 86_400_000)));
  const [to, setTo] = useState(() => day(new Date(Date.now() + 86_400_000)));
  const [period, setPeriod] = useState({ from, to });
  const report = useLoad(() => api<Report>(`/reports/transparency${query(period)}`), [period]);
  const show = (e: FormEvent) => {
    e.preventDefault();
    setPeriod({ from, to });
  };
  const r = report.data;
  const table = (
    title: MessageKey,
    counts: Record<string, number>,
    prefix?: 'cat' | 'outcome' | 'action' | 'source' | 'compliance',
  ) => (
    <div className="counts">
      <h3>{t(title)}</h3>
      <table data-testid={`report-${title}`}>
        <tbody>
          {Object.entries(counts).map(([k, n]) => (
            <tr key={k} data-key={k}>
              <td>{prefix ? labelOf(t, prefix, k) : k}</td>
              <td className="num">{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section>
      <h1>{t('report')}</h1>
      <form className="filters" onSubmit={show}>
        <label>
          {t('from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          {t('to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <button type="submit">{t('show')}</button>
        <a href={`/api/v1/reports/transparency${query({ ...period, format: 'csv' })}`} download>
          {t('downloadCsv')}
        </a>
        <a
          href={`/api/v1/reports/transparency${query({ ...period, format: 'html' })}`}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('downloadHtml')}
        </a>
      </form>
      <ErrorBox error={report.error} />
      {!r && !report.error && <Loading />}
      {r && (
        <>
          <dl className="facts">
            <dt>{t('decisionsCount')}</dt>
            <dd data-testid="report-decisions">{r.decisions}</dd>
            <dt>{t('automatedDecisions')}</dt>
            <dd data-testid="report-automated">{r.automatedDecisions}</dd>
            <dt>{t('medianHours')}</dt>
            <dd data-testid="report-median">
              {r.medianHoursToDecision === null ? '—' : r.medianHoursToDecision.toFixed(1)}
            </dd>
          </dl>
          <p data-testid="report-appeals">
            {t('appealsFiled', {
              f: r.appeals.filed,
              d: r.appeals.decided,
              u: r.appeals.upheld,
              r: r.appeals.reversed,
            })}
          </p>
          <div className="grid">
            {table('byCategory', r.byCategory, 'cat')}
            {table('byOutcome', r.byOutcome, 'outcome')}
            {table('byAction', r.byAction, 'action')}
            {table('bySource', r.bySource, 'source')}
            {table('byLegalBasis', r.byLegalBasis)}
            {table('complianceChecks', r.compliance, 'compliance')}
          </div>
        </>
      )}
    </section>
  );
}
