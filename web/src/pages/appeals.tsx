import { useState } from 'react';
import { api, query, type Appeal } from '../api.js';
import { labelOf, useI18n } from '../i18n.js';
import { ErrorBox, Loading, useLoad, When } from '../ui.js';

/** Appeals, open first by default; each links to its case, where the dialogue and decision are. */
export function AppealsPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState('open');
  const list = useLoad(
    () => api<{ appeals: Appeal[] }>(`/appeals${query({ status, limit: 200 })}`),
    [status],
  );
  return (
    <section>
      <h1>{t('appeals')}</h1>
      <label className="check">
        {t('state')}{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('any')}</option>
          {(['open', 'upheld', 'reversed'] as const).map((v) => (
            <option key={v} value={v}>
              {labelOf(t, 'appealStatus', v)}
            </option>
          ))}
        </select>
      </label>
      <ErrorBox error={list.error} />
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.appeals.length === 0 && <p className="muted">{t('noAppeals')}</p>}
      {list.data && list.data.appeals.length > 0 && (
        <table>
          <tbody>
            {list.data.appeals.map((a) => (
              <tr key={a.id} data-appeal={a.id}>
                <td>#{a.id}</td>
                <td>
                  <a href={`#/cases/${encodeURIComponent(a.caseNumber)}`}>{a.caseNumber}</a>
                </td>
                <td className="hostile">{a.appellant}</td>
                <td>{labelOf(t, 'appealStatus', a.status)}</td>
                <td>
                  <When iso={a.openedAt} />
                </td>
                <td className="hostile clip">{a.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
