import { useState, type FormEvent } from 'react';
import { api, type User } from '../api.js';
import { useI18n } from '../i18n.js';
import { ErrorBox } from '../ui.js';

/** The existing session login (POST /api/v1/session sets the HttpOnly cookie). */
export function LoginPage({ onSignedIn }: { onSignedIn: (u: User) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ user: User }>('/session', { method: 'POST', body: { username, password } });
      onSignedIn(r.user);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card login" onSubmit={(e) => void submit(e)} aria-label={t('signIn')}>
      <h1>{t('signIn')}</h1>
      <label>
        {t('username')}
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <ErrorBox error={error} />
      <button type="submit" disabled={busy}>
        {t('signIn')}
      </button>
    </form>
  );
}
