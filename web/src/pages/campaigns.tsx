import { api } from '../api.js';
import { useI18n } from '../i18n.js';
import { ErrorBox, ExternalLink, Loading, useLoad, When } from '../ui.js';

interface Campaign {
  id: string;
  size: number;
  distinctTexts: number;
  distinctAuthors: number;
  distinctOutlets: number;
  firstSeen: string | null;
  lastSeen: string | null;
  burstPerMinute: number;
  representativeText: string;
}
interface Member {
  id: string;
  author: string | null;
  outletId: string | null;
  publishedAt: string | null;
  text: string;
  url: string;
}

/** Copy-paste campaigns (near-duplicate clusters), largest first. */
export function CampaignsPage() {
  const { t } = useI18n();
  const list = useLoad(() => api<{ campaigns: Campaign[] }>('/campaigns?limit=100'), []);
  if (list.error) return <ErrorBox error={list.error} />;
  if (!list.data) return <Loading />;
  return (
    <section>
      <h1>{t('campaigns')}</h1>
      <table>
        <thead>
          <tr>
            <th>id</th>
            <th>{t('size')}</th>
            <th>{t('authors')}</th>
            <th>{t('outlets')}</th>
            <th>{t('burst')}</th>
            <th>{t('lastSeen')}</th>
            <th>{t('document')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data.campaigns.map((c) => (
            <tr key={c.id}>
              <td>
                <a href={`#/campaigns/${encodeURIComponent(c.id)}`}>{c.id}</a>
              </td>
              <td className="num">{c.size}</td>
              <td className="num">{c.distinctAuthors}</td>
              <td className="num">{c.distinctOutlets}</td>
              <td className="num">{c.burstPerMinute}</td>
              <td>
                <When iso={c.lastSeen} />
              </td>
              <td className="hostile clip">{c.representativeText}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CampaignPage({ id }: { id: string }) {
  const { t } = useI18n();
  const c = useLoad(
    () => api<Campaign & { members: Member[] }>(`/campaigns/${encodeURIComponent(id)}`),
    [id],
  );
  if (c.error) return <ErrorBox error={c.error} />;
  if (!c.data) return <Loading />;
  const d = c.data;
  return (
    <section>
      <p>
        <a href="#/campaigns">← {t('campaigns')}</a>
      </p>
      <h1>
        {t('campaigns')} {d.id}
      </h1>
      <dl className="facts">
        <dt>{t('size')}</dt>
        <dd>{d.size}</dd>
        <dt>{t('authors')}</dt>
        <dd>{d.distinctAuthors}</dd>
        <dt>{t('outlets')}</dt>
        <dd>{d.distinctOutlets}</dd>
        <dt>{t('burst')}</dt>
        <dd>{d.burstPerMinute}</dd>
        <dt>{t('firstSeen')}</dt>
        <dd>
          <When iso={d.firstSeen} />
        </dd>
        <dt>{t('lastSeen')}</dt>
        <dd>
          <When iso={d.lastSeen} />
        </dd>
      </dl>
      <h2>{t('campaignMembers')}</h2>
      <ul className="members">
        {d.members.map((m) => (
          <li key={m.id}>
            <small>
              <span className="hostile">{m.author ?? '—'}</span> · {m.outletId ?? '—'} ·{' '}
              <When iso={m.publishedAt} /> · <ExternalLink href={m.url}>{t('originalLink')}</ExternalLink>
            </small>
            <div className="hostile">{m.text}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
