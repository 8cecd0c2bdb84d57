import { Component, useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiError } from './api.js';
import { useI18n } from './i18n.js';
import { safeHref } from './text.js';

/** An error as the server gave it: code and message (and the fields it names). */
export function ErrorBox({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const issues = (e?.details?.issues as Array<{ field: string; message: string }> | undefined) ?? [];
  return (
    <div className="error" role="alert">
      <strong>
        {t('error')}
        {e ? ` ${e.code}` : ''}:
      </strong>{' '}
      {e?.status === 403 ? t('notAllowed') + ' ' : ''}
      {error instanceof Error ? error.message : String(error)}
      {issues.length > 1 && (
        <ul>
          {issues.map((i, n) => (
            <li key={n}>
              {i.field}: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Loads data when the inputs change; `reload` fetches again. */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): { data: T | null; error: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

/**
 * A link to crawled content: only http(s) targets become links, and they never pass our origin or
 * standing to the page (noopener noreferrer) nor vouch for it (nofollow ugc). Anything else is text.
 */
export function ExternalLink({ href, children }: { href: string | null | undefined; children: ReactNode }) {
  const safe = safeHref(href);
  if (!safe) return <span className="unsafe-link">{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer nofollow ugc">
      {children}
    </a>
  );
}

export function Loading() {
  const { t } = useI18n();
  return <p className="muted">{t('loading')}</p>;
}

/** A date and time in the reader's language. */
export function When({ iso }: { iso: string | null | undefined }) {
  const { lang } = useI18n();
  if (!iso) return <span className="muted">—</span>;
  const d = new Date(iso);
  return (
    <time dateTime={iso}>
      {d.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' })}
    </time>
  );
}

/**
 * Shows an error that escaped a page (a bug, or an answer of a shape the page did not expect) as a
 * message instead of a blank screen; going to another page (`resetKey`) tries again.
 */
export class ErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    return this.state.error ? <ErrorBox error={this.state.error} /> : this.props.children;
  }
}
