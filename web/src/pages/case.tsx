import { useMemo, useState, type FormEvent } from 'react';
import { HARM_CATEGORIES } from '../../../src/core/types.js';
import { ACTIONS, OUTCOMES } from '../../../src/review/types.js';
import { api, query, type AuditEntry, type CaseDetail, type CaseFinding, type Provision } from '../api.js';
import { labelOf, useI18n } from '../i18n.js';
import { useSession } from '../session.js';
import { evidenceSpans, hoursUntil, safeHref, segments } from '../text.js';
import { ErrorBox, ExternalLink, Loading, useLoad, When } from '../ui.js';

/** One case: the content with its evidence highlighted, findings, decision, approval, appeals, audit. */
export function CasePage({ number }: { number: string }) {
  const { t } = useI18n();
  const session = useSession();
  const detail = useLoad(() => api<CaseDetail>(`/cases/${encodeURIComponent(number)}`), [number]);
  const [error, setError] = useState<unknown>(null);
  const c = detail.data;

  const act = async (path: string, body: unknown = {}) => {
    setError(null);
    try {
      await api(`/cases/${encodeURIComponent(number)}${path}`, { method: 'POST', body });
    } catch (err) {
      setError(err);
    }
    // Also after a refusal: a 409 means the case changed (someone else claimed or decided it).
    detail.reload();
  };

  if (detail.error) return <ErrorBox error={detail.error} />;
  if (!c) return <Loading />;
  const me = `user:${session.user.username}`;
  const live = !c.claimExpiresAt || new Date(c.claimExpiresAt) > new Date();
  const mine = c.claimedBy === me && live;
  const takenBy = c.claimedBy && c.claimedBy !== me && live ? c.claimedBy : null;
  const h = hoursUntil(c.slaDueAt, new Date());

  return (
    <article className="case">
      <p>
        <a href="#/queue">{t('back')}</a>
      </p>
      <h1>{t('caseTitle', { n: c.number })}</h1>
      <h2 className="hostile" data-testid="case-title">
        {c.title ?? c.url ?? c.subjectRef}
      </h2>
      <dl className="facts">
        <dt>{t('state')}</dt>
        <dd data-testid="case-state">{labelOf(t, 'state', c.state)}</dd>
        <dt>{t('category')}</dt>
        <dd>{labelOf(t, 'cat', c.category)}</dd>
        <dt>{t('source')}</dt>
        <dd>{labelOf(t, 'source', c.source)}</dd>
        <dt>{t('sla')}</dt>
        <dd className={h < 0 ? 'overdue' : ''}>
          <When iso={c.slaDueAt} /> (
          {h < 0 ? t('hoursOver', { h: Math.round(-h) }) : t('hoursLeft', { h: Math.round(h) })})
        </dd>
        <dt>{t('claimedBy')}</dt>
        <dd data-testid="claimed-by">{c.claimedBy ?? '—'}</dd>
      </dl>
      {session.may('review:decide') && c.state === 'open' && (
        <p className="toolbar">
          {!mine && !takenBy && (
            <button type="button" onClick={() => void act('/claim')}>
              {t('claimAction')}
            </button>
          )}
          {takenBy && (
            <span className="muted" data-testid="taken-by">
              {t('claimedByOther', { who: takenBy })} <When iso={c.claimExpiresAt} />
            </span>
          )}
          {mine && (
            <button type="button" onClick={() => void act('/release')}>
              {t('release')}
            </button>
          )}
        </p>
      )}
      <ErrorBox error={error} />

      <section>
        <h2>{t('document')}</h2>
        {c.document ? (
          <>
            <p className="muted">
              {t('author')}: <span className="hostile">{c.document.author ?? '—'}</span> · {t('published')}:{' '}
              <When iso={c.document.publishedAt} /> ·{' '}
              <ExternalLink href={c.url}>{t('originalLink')}</ExternalLink>
            </p>
            <HighlightedText text={c.document.text} findings={c.findings} />
          </>
        ) : (
          <p className="muted">{t('noDocument')}</p>
        )}
      </section>

      <section>
        <h2>{t('findings')}</h2>
        <ol className="findings">
          {c.findings.map((f, i) => (
            <FindingItem key={f.id} finding={f} index={i} />
          ))}
        </ol>
      </section>

      {session.may('review:decide') &&
        c.state === 'open' &&
        (mine ? (
          <DecisionForm detail={c} onDone={detail.reload} />
        ) : (
          <p className="muted">{t('needsClaim')}</p>
        ))}
      {session.may('review:approve') && c.state === 'awaiting-approval' && (
        <ApprovalForm detail={c} onDone={detail.reload} />
      )}

      {c.decisions.length > 0 && (
        <section>
          <h2>{t('decisions')}</h2>
          <ul className="decisions" data-testid="decisions">
            {c.decisions.map((d) => (
              <li key={d.id}>
                {d.kind === 'appeal' && <em>{t('appealDecision')}: </em>}
                <strong>{labelOf(t, 'outcome', d.outcome)}</strong> · {labelOf(t, 'action', d.action)} ·{' '}
                {labelOf(t, 'cat', d.category)} · {d.reviewer} · <When iso={d.decidedAt} />
                {d.legalBasis.length > 0 && (
                  <div className="muted">{d.legalBasis.map((b) => b.citation).join('; ')}</div>
                )}
                <div>{d.facts}</div>
                <div className="muted">{d.statement.ground.explanation}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {c.actions.length > 0 && (
        <section>
          <h2>{t('actions')}</h2>
          <ul data-testid="actions">
            {c.actions.map((a) => (
              <li key={a.id}>
                {labelOf(t, 'action', a.kind)} · {labelOf(t, 'actionStatus', a.status)}
                {a.deadlineAt && (
                  <>
                    {' '}
                    · <When iso={a.deadlineAt} />
                  </>
                )}
                {a.approvedBy && <> · {a.approvedBy}</>}
                {a.checkResult && <> · {a.checkResult}</>}
                {a.issuedAt && (
                  <>
                    {' '}
                    ·{' '}
                    <a
                      href={`/api/v1/cases/${encodeURIComponent(c.number)}/notice${query({ format: 'html', action: a.id })}`}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      {t('notice')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Appeals detail={c} onDone={detail.reload} />
      {session.may('audit:read') && (
        <AuditTrail
          number={c.number}
          version={c.decisions.length + c.appeals.length + (c.claimedBy ? 1 : 0)}
        />
      )}
    </article>
  );
}

/** The text as the person wrote it, cut at the evidence offsets; every piece is a React text node. */
function HighlightedText({ text, findings }: { text: string; findings: CaseFinding[] }) {
  const parts = useMemo(
    () =>
      segments(
        text,
        findings.flatMap((f, i) => evidenceSpans(f.evidence, i, text.length)),
      ),
    [text, findings],
  );
  return (
    <div className="doc-text hostile" data-testid="document-text">
      {parts.map((p, i) =>
        p.findings.length ? (
          <mark
            key={i}
            className={`f${(p.findings[0] ?? 0) % 6}`}
            title={p.findings.map((n) => `#${n + 1} ${findings[n]?.category ?? ''}`).join(', ')}
            data-findings={p.findings.map((n) => n + 1).join(' ')}
          >
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}

function FindingItem({ finding: f, index }: { finding: CaseFinding; index: number }) {
  const { t } = useI18n();
  const ev = f.evidence;
  const str = (k: string) => (typeof ev[k] === 'string' ? (ev[k] as string) : null);
  return (
    <li className={`finding f${index % 6}`}>
      <div>
        <strong>#{index + 1}</strong> {labelOf(t, 'cat', f.category)} · {t('detector')}: {f.detector}{' '}
        {f.detectorVersion} · {t('score')}: {f.score.toFixed(2)}
      </div>
      <div>
        {t('explanation')}: {f.explanation}
      </div>
      {f.category === 'false-information' && (str('factCheckId') || str('factCheckUrl')) && (
        <FactCheckBox id={str('factCheckId')} evidence={ev} />
      )}
      <details>
        <summary>{t('evidence')}</summary>
        <pre>{JSON.stringify(ev, null, 2)}</pre>
      </details>
    </li>
  );
}

/** The fact-check a false-information finding matched: the claim from the registry, verdict, correction, link. */
function FactCheckBox({ id, evidence }: { id: string | null; evidence: Record<string, unknown> }) {
  const { t } = useI18n();
  const registry = useLoad(
    () =>
      id
        ? api<{ claim?: string; verdict?: string }>(`/factchecks/${encodeURIComponent(id)}`)
        : Promise.resolve(null),
    [id],
  );
  const str = (k: string) => (typeof evidence[k] === 'string' ? (evidence[k] as string) : null);
  return (
    <div className="factcheck" data-testid="factcheck">
      <strong>{t('factCheck')}</strong> {id} · {t('verdict')}:{' '}
      {str('verdict') ?? registry.data?.verdict ?? '—'}
      {registry.data?.claim && (
        <div>
          {t('claimText')}: <span className="hostile">{registry.data.claim}</span>
        </div>
      )}
      {str('correction') && (
        <div>
          {t('correction')}: {str('correction')}
        </div>
      )}
      {str('factCheckUrl') && <ExternalLink href={str('factCheckUrl')}>{str('factCheckUrl')}</ExternalLink>}
    </div>
  );
}

function DecisionForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<string>('violation');
  const [category, setCategory] = useState(detail.category);
  const [action, setAction] = useState<string>('label');
  const [basis, setBasis] = useState<string[]>([]);
  const [facts, setFacts] = useState('');
  const [explanation, setExplanation] = useState('');
  // A label points readers to the correction: start from the fact-check a finding matched, if any.
  const [factCheckUrl, setFactCheckUrl] = useState(
    () =>
      detail.findings
        .map((f) => safeHref(f.evidence.factCheckUrl as string | undefined))
        .find((u) => u !== null) ?? '',
  );
  const [deadlineHours, setDeadlineHours] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const registry = useLoad(
    () =>
      api<{ version: string; provisions: Provision[] }>(`/legal-provisions${query({ at: detail.actDate })}`),
    [detail.actDate],
  );
  const provisions = (registry.data?.provisions ?? []).filter(
    (p) => p.categories === null || p.categories.includes(category),
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api<{ state: string }>(`/cases/${encodeURIComponent(detail.number)}/decision`, {
        method: 'POST',
        body: {
          outcome,
          category,
          action,
          legalBasis: basis.filter((id) => provisions.some((p) => p.id === id)),
          facts,
          explanation,
          ...(factCheckUrl.trim() ? { factCheckUrl: factCheckUrl.trim() } : {}),
          ...(deadlineHours.trim() ? { deadlineHours: Number(deadlineHours) } : {}),
        },
      });
      setSaved(r.state);
      onDone();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form className="card decision" onSubmit={(e) => void submit(e)} aria-label={t('decide')}>
      <h2>{t('decide')}</h2>
      <label>
        {t('outcome')}
        <select name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {labelOf(t, 'outcome', o)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('category')}
        <select name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
          {HARM_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {labelOf(t, 'cat', c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('action')}
        <select name="action" value={action} onChange={(e) => setAction(e.target.value)}>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {labelOf(t, 'action', a)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="basis">
        <legend>
          {t('legalBasis')} {registry.data && <small className="muted">({registry.data.version})</small>}
        </legend>
        <ErrorBox error={registry.error} />
        {provisions.map((p) => (
          <label key={p.id} className="check">
            <input
              type="checkbox"
              name="legalBasis"
              value={p.id}
              checked={basis.includes(p.id)}
              onChange={() =>
                setBasis(basis.includes(p.id) ? basis.filter((x) => x !== p.id) : [...basis, p.id])
              }
            />
            <span>
              {p.instrument}, Điều {p.article}
              {p.clause ? ` khoản ${p.clause}` : ''}
              {p.point ? ` điểm ${p.point}` : ''} — {p.summaryVi}
              {p.unverified && <em className="warn"> ({t('unverified')})</em>}
            </span>
          </label>
        ))}
      </fieldset>
      <label>
        {t('facts')}
        <textarea name="facts" value={facts} onChange={(e) => setFacts(e.target.value)} rows={3} />
      </label>
      <label>
        {t('reasons')}
        <textarea
          name="explanation"
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
          rows={3}
        />
      </label>
      <label>
        {t('factCheckUrl')}
        <input
          name="factCheckUrl"
          type="url"
          value={factCheckUrl}
          onChange={(e) => setFactCheckUrl(e.target.value)}
        />
      </label>
      {action === 'takedown-request' && (
        <label>
          {t('deadlineHours')}
          <input
            name="deadlineHours"
            type="number"
            min={1}
            max={720}
            value={deadlineHours}
            onChange={(e) => setDeadlineHours(e.target.value)}
          />
        </label>
      )}
      <ErrorBox error={error} />
      {saved && (
        <p className="ok" role="status">
          {t('decisionSaved', { s: labelOf(t, 'state', saved) })}
        </p>
      )}
      <button type="submit">{t('submitDecision')}</button>
    </form>
  );
}

/** The decision in force that an approval or an appeal is about: the latest initial one. */
function decisionInForce(detail: CaseDetail) {
  return detail.decisions.filter((d) => d.kind === 'initial' && d.status === 'in-force').at(-1) ?? null;
}

function ApprovalForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const send = async (approve: boolean) => {
    setError(null);
    try {
      await api(`/cases/${encodeURIComponent(detail.number)}/approval`, {
        method: 'POST',
        body: { approve, ...(note.trim() ? { note } : {}) },
      });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  // Four eyes: whoever decided the takedown request does not approve it (the server refuses too).
  if (decisionInForce(detail)?.reviewer === `user:${session.user.username}`)
    return (
      <section className="card" data-testid="approval">
        <h2>{t('approval')}</h2>
        <p className="muted">{t('ownTakedown')}</p>
      </section>
    );
  return (
    <section className="card" data-testid="approval">
      <h2>{t('approval')}</h2>
      <label>
        {t('note')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      </label>
      <ErrorBox error={error} />
      <p className="toolbar">
        <button type="button" onClick={() => void send(true)}>
          {t('approve')}
        </button>
        <button type="button" onClick={() => void send(false)}>
          {t('reject')}
        </button>
      </p>
    </section>
  );
}

function Appeals({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const me = `user:${session.user.username}`;
  const original = decisionInForce(detail);
  // An appeal goes to someone other than the one who decided or approved the decision (the server refuses too).
  const involved =
    original?.reviewer === me ||
    detail.actions.some((a) => a.approvedBy === me && (!original || a.decisionId === original.id));
  const [reply, setReply] = useState<Record<number, string>>({});
  const [error, setError] = useState<unknown>(null);
  const post = async (path: string, body: unknown) => {
    setError(null);
    try {
      await api(path, { method: 'POST', body });
      setReply({});
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section>
      <h2>{t('appeals')}</h2>
      {detail.appeals.length === 0 && <p className="muted">{t('noAppeals')}</p>}
      <ErrorBox error={error} />
      {detail.appeals.map((a) => (
        <div key={a.id} className="appeal card" data-testid="appeal">
          <p>
            #{a.id} · <span className="hostile">{a.appellant}</span> ·{' '}
            <span data-testid="appeal-status">{labelOf(t, 'appealStatus', a.status)}</span> ·{' '}
            <When iso={a.openedAt} />
          </p>
          <ol className="dialogue">
            {a.messages.map((m) => (
              <li key={m.id} className={m.direction} data-direction={m.direction}>
                <small>
                  {t(m.direction === 'from-appellant' ? 'fromAppellant' : 'toAppellant')} ·{' '}
                  <span className="hostile">{m.author}</span> · <When iso={m.at} />
                </small>
                <div className="hostile">{m.body}</div>
              </li>
            ))}
          </ol>
          {a.status === 'open' && session.may('appeals:decide') && (
            <>
              <label>
                {t('reply')}
                <textarea
                  value={reply[a.id] ?? ''}
                  onChange={(e) => setReply({ ...reply, [a.id]: e.target.value })}
                  rows={2}
                />
              </label>
              <p className="toolbar">
                <button
                  type="button"
                  disabled={!reply[a.id]?.trim()}
                  onClick={() => void post(`/appeals/${a.id}/messages`, { body: reply[a.id] })}
                >
                  {t('send')}
                </button>
                <span className="spacer" />
                {involved ? (
                  <span className="muted" data-testid="appeal-not-yours">
                    {t('appealNotYours')}
                  </span>
                ) : (
                  <>
                    {t('decideAppeal')}:
                    <button
                      type="button"
                      disabled={!reply[a.id]?.trim()}
                      onClick={() =>
                        void post(`/appeals/${a.id}/decision`, {
                          outcome: 'upheld',
                          explanation: reply[a.id],
                        })
                      }
                    >
                      {t('upheld')}
                    </button>
                    <button
                      type="button"
                      disabled={!reply[a.id]?.trim()}
                      onClick={() =>
                        void post(`/appeals/${a.id}/decision`, {
                          outcome: 'reversed',
                          explanation: reply[a.id],
                        })
                      }
                    >
                      {t('reversed')}
                    </button>
                  </>
                )}
              </p>
            </>
          )}
        </div>
      ))}
    </section>
  );
}

function AuditTrail({ number, version }: { number: string; version: number }) {
  const { t } = useI18n();
  const audit = useLoad(
    () => api<{ entries: AuditEntry[] }>(`/audit${query({ subject: `case:${number}`, limit: 200 })}`),
    [number, version],
  );
  return (
    <section>
      <h2>{t('audit')}</h2>
      <ErrorBox error={audit.error} />
      <table className="audit">
        <tbody>
          {audit.data?.entries.map((e) => (
            <tr key={e.id}>
              <td>
                <When iso={e.at} />
              </td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td>
                <code title={e.hash}>{e.hash.slice(0, 12)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
