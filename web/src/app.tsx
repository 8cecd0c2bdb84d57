import { useCallback, useEffect, useMemo, useState } from 'react';
import { can, type Permission } from '../../src/core/permissions.js';
import { api, UNAUTHENTICATED_EVENT, type User } from './api.js';
import { I18n, translator, type Lang } from './i18n.js';
import { CampaignPage, CampaignsPage } from './pages/campaigns.js';
import { AppealsPage } from './pages/appeals.js';
import { CasePage } from './pages/case.js';
import { LoginPage } from './pages/login.js';
import { QueuePage } from './pages/queue.js';
import { ReportPage } from './pages/report.js';
import { Session } from './session.js';
import { ErrorBoundary } from './ui.js';

// Older builds remembered the user here; the role now comes from the API (GET /me) after a reload.
const OLD_USER_KEY = 'kiemtin.user';
const LANG_KEY = 'kiemtin.lang';

/** The page named by the URL fragment: #/queue, #/cases/KT-2026-000001, #/campaigns/ID, #/report. */
function useRoute(): string[] {
  const read = () =>
    window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const on = () => setParts(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parts;
}

/** The answer of GET /api/v1/me: who the session cookie belongs to. */
interface Me {
  user: { kind: 'user' | 'token'; username: string | null; displayName: string };
  role: User['role'] | 'push';
}

export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi'));
  const i18n = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const { t } = i18n;
  // Who is signed in comes from the API: the cookie itself is HttpOnly, so after a reload the app asks
  // GET /me (the role is the server's, never one kept in the browser); a 401 there shows the sign-in form.
  const [user, setUser] = useState<User | null>(null);
  const [checked, setChecked] = useState(false);
  const route = useRoute();

  const signedOut = useCallback(() => {
    setUser(null);
  }, []);
  useEffect(() => {
    window.addEventListener(UNAUTHENTICATED_EVENT, signedOut);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, signedOut);
  }, [signedOut]);
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem(LANG_KEY, lang);
  }, [lang]);
  useEffect(() => {
    localStorage.removeItem(OLD_USER_KEY);
    let live = true;
    api<Me>('/me').then(
      (me) => {
        if (!live) return;
        // A person's session: tokens and the push role do not sign in to the UI.
        if (me.user.kind === 'user' && me.user.username && me.role !== 'push')
          setUser({ username: me.user.username, displayName: me.user.displayName, role: me.role });
        setChecked(true);
      },
      () => live && setChecked(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const onSignedIn = (u: User) => {
    setChecked(true);
    setUser(u);
  };
  const signOut = async () => {
    await api('/session', { method: 'DELETE' }).catch(() => undefined);
    signedOut();
  };

  const session = useMemo(() => (user ? { user, may: (p: Permission) => can(user.role, p) } : null), [user]);
  const [page, arg] = route;
  let body;
  if (!checked) body = <p className="muted">{t('loading')}</p>;
  else if (!session) body = <LoginPage onSignedIn={onSignedIn} />;
  else if (page === 'cases' && arg) body = <CasePage key={arg} number={arg} />;
  else if (page === 'campaigns' && arg) body = <CampaignPage key={arg} id={arg} />;
  else if (page === 'campaigns') body = <CampaignsPage />;
  else if (page === 'report') body = <ReportPage />;
  else if (page === 'appeals') body = <AppealsPage />;
  else body = <QueuePage />;

  return (
    <I18n.Provider value={i18n}>
      <Session.Provider value={session}>
        <header className="top">
          <a className="brand" href="#/queue">
            kiemtin <small>kiểm tin</small>
          </a>
          {session && (
            <nav aria-label="main">
              {session.may('queue:read') && <a href="#/queue">{t('queue')}</a>}
              {session.may('queue:read') && <a href="#/appeals">{t('appeals')}</a>}
              <a href="#/campaigns">{t('campaigns')}</a>
              <a href="#/report">{t('report')}</a>
            </nav>
          )}
          <span className="spacer" />
          <button type="button" className="link" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
            {t('language')}
          </button>
          {session && (
            <span className="who" data-testid="who">
              {t('signedInAs')}: <strong>{session.user.displayName}</strong> ({session.user.role})
              <button type="button" onClick={() => void signOut()}>
                {t('signOut')}
              </button>
            </span>
          )}
        </header>
        <main>
          <ErrorBoundary resetKey={route.join('/')}>{body}</ErrorBoundary>
        </main>
      </Session.Provider>
    </I18n.Provider>
  );
}
