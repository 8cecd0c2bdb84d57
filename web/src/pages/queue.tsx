import { useState, type FormEvent } from 'react';
import { HARM_CATEGORIES } from '../../../src/core/types.js';
import { CASE_STATES, DETECTION_SOURCES } from '../../../src/review/types.js';
import { api, query, type QueueItem } from '../api.js';
import { labelOf, useI18n } from '../i18n.js';
import { useSession } from '../session.js';
import { hoursUntil } from '../text.js';
import { ErrorBox, Loading, useLoad, When } from '../ui.js';

interface Filters {
  state: string[];
  category: string[];
  source: string;
  claim: '' | 'any' | 'unclaimed' | 'mine';
  overdue: boolean;
}
interface SavedView {
  id: number;
  name: string;
  filters: Partial<Omit<Filters, 'claim' | 'source'>> & { claim?: string; source?: string };
}
interface Page {
  items: QueueItem[];
  nextCursor: string | null;
}

const EMPTY: Filters = { state: ['open'], category: [], source: '', claim: '', overdue: false };

/** The review queue: filters, saved views, keyset pages ("next page" appends), priority and SLA. */
export function QueuePage() {
  const { t } = useI18n();
  const session = useSession();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<{ filters: Filters; view: number | null }>({
    filters: EMPTY,
    view: null,
  });
  const [more, setMore] = useState<Page[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [viewName, setViewName] = useState('');

  const params = (f: Filters, view: number | null, cursor?: string) =>
    view
      ? query({ view, cursor, limit: 25 })
      : query({
          state: f.state.join(','),
          category: f.category.join(','),
          source: f.source,
          claim: f.claim,
          overdue: f.overdue ? 'true' : undefined,
          cursor,
          limit: 25,
        });
  const first = useLoad(() => api<Page>(`/queue${params(applied.filters, applied.view)}`), [applied]);
  const views = useLoad(() => api<{ views: SavedView[] }>('/views'), []);

  if (!session.may('queue:read')) return <ErrorBox error={new Error(t('notAllowed'))} />;

  const pages = first.data ? [first.data, ...more] : [];
  const items = pages.flatMap((p) => p.items);
  const nextCursor = pages[pages.length - 1]?.nextCursor ?? null;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setMore([]);
    setApplied({ filters, view: null });
  };
  const pickView = (id: string) => {
    const v = views.data?.views.find((x) => String(x.id) === id);
    setMore([]);
    if (!v) return setApplied({ filters, view: null });
    const f: Filters = {
      state: v.filters.state ?? ['open'],
      category: v.filters.category ?? [],
      source: v.filters.source ?? '',
      claim: (v.filters.claim as Filters['claim']) ?? '',
      overdue: v.filters.overdue ?? false,
    };
    setFilters(f);
    setApplied({ filters: f, view: v.id });
  };
  const saveView = async () => {
    setError(null);
    try {
      await api('/views', {
        method: 'POST',
        body: {
          name: viewName,
          filters: {
            state: filters.state,
            category: filters.category,
            ...(filters.source ? { source: filters.source } : {}),
            ...(filters.claim ? { claim: filters.claim } : {}),
            overdue: filters.overdue,
          },
        },
      });
      setViewName('');
      views.reload();
    } catch (err) {
      setError(err);
    }
  };
  const nextPage = async () => {
    if (!nextCursor) return;
    setError(null);
    try {
      const p = await api<Page>(`/queue${params(applied.filters, applied.view, nextCursor)}`);
      setMore((m) => [...m, p]);
    } catch (err) {
      setError(err);
    }
  };
  const toggle = (list: string[], v: string) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
  const now = new Date();

  return (
    <section>
      <h1>{t('queue')}</h1>
      <form className="filters" onSubmit={apply} aria-label={t('apply')}>
        <fieldset>
          <legend>{t('state')}</legend>
          {CASE_STATES.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={filters.state.includes(s)}
                onChange={() => setFilters({ ...filters, state: toggle(filters.state, s) })}
              />
              {labelOf(t, 'state', s)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('category')}</legend>
          {HARM_CATEGORIES.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                checked={filters.category.includes(c)}
                onChange={() => setFilters({ ...filters, category: toggle(filters.category, c) })}
              />
              {labelOf(t, 'cat', c)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <label>
            {t('source')}
            <select
              value={filters.source}
              onChange={(e) => setFilters({ ...filters, source: e.target.value })}
            >
              <option value="">{t('any')}</option>
              {DETECTION_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {labelOf(t, 'source', s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('claim')}
            <select
              value={filters.claim}
              onChange={(e) => setFilters({ ...filters, claim: e.target.value as Filters['claim'] })}
            >
              <option value="">{t('any')}</option>
              <option value="unclaimed">{t('unclaimed')}</option>
              <option value="mine">{t('mine')}</option>
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={filters.overdue}
              onChange={(e) => setFilters({ ...filters, overdue: e.target.checked })}
            />
            {t('overdue')}
          </label>
          <button type="submit">{t('apply')}</button>
        </fieldset>
        <fieldset>
          <label>
            {t('savedViews')}
            <select
              value={applied.view ?? ''}
              onChange={(e) => pickView(e.target.value)}
              aria-label={t('savedViews')}
            >
              <option value="">{t('noView')}</option>
              {views.data?.views.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('viewName')}
            <input value={viewName} onChange={(e) => setViewName(e.target.value)} maxLength={100} />
          </label>
          <button type="button" disabled={!viewName.trim()} onClick={() => void saveView()}>
            {t('saveView')}
          </button>
        </fieldset>
      </form>
      <ErrorBox error={first.error ?? error} />
      {first.loading && !first.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{t('noCases')}</p>
      ) : (
        <table className="queue">
          <thead>
            <tr>
              <th>{t('number')}</th>
              <th>{t('title')}</th>
              <th>{t('category')}</th>
              <th>{t('state')}</th>
              <th>{t('priority')}</th>
              <th>{t('sla')}</th>
              <th>{t('findings')}</th>
              <th>{t('claimedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => {
              const h = hoursUntil(c.slaDueAt, now);
              return (
                <tr key={c.id} data-case={c.number}>
                  <td>
                    <a href={`#/cases/${encodeURIComponent(c.number)}`}>{c.number}</a>
                  </td>
                  <td className="hostile">{c.title ?? c.url ?? c.subjectRef}</td>
                  <td>{labelOf(t, 'cat', c.category)}</td>
                  <td>{labelOf(t, 'state', c.state)}</td>
                  <td className="num">{c.priority.toFixed(2)}</td>
                  <td className={h < 0 ? 'overdue' : ''}>
                    <When iso={c.slaDueAt} />{' '}
                    <small>
                      ({h < 0 ? t('hoursOver', { h: Math.round(-h) }) : t('hoursLeft', { h: Math.round(h) })})
                    </small>
                  </td>
                  <td className="num">{c.findings}</td>
                  <td>{c.claimedBy ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <button type="button" onClick={() => void nextPage()}>
          {t('nextPage')}
        </button>
      )}
    </section>
  );
}
