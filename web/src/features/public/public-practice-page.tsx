import { Card, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isNotFound } from '../../api/error-message.ts';
import { publicApi } from '../../api/public.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { formatDate } from '../../lib/format.ts';

/** One 经验做法 in full. */
export default function PublicPracticePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const practice = useRequest(`public:practice:${id}`, (signal) => publicApi.practice(id, signal));
  if (practice.error !== undefined) {
    return isNotFound(practice.error) ? (
      <Result
        status="404"
        title={t('public.practices.notFound')}
        extra={<Link to="/public/practices">{t('public.practices.back')}</Link>}
      />
    ) : (
      <RequestError error={practice.error} onRetry={practice.reload} />
    );
  }
  const p = practice.data;
  if (!p) return <Skeleton active paragraph={{ rows: 12 }} />;
  return (
    <>
      <nav className="page-breadcrumb" aria-label={t('public.breadcrumb')}>
        <Link to="/public/practices">{t('public.practices.title')}</Link> ›{' '}
        <Link to={`/public/contests/${p.contest.id}`}>{p.contest.title}</Link>
      </nav>
      <PageHeader
        title={p.title}
        subtitle={t('public.practices.byline', {
          unit: p.unit.name,
          date: formatDate(p.publishedAt),
        })}
      />
      <Card size="small" className="section-card">
        {p.summary ? <p className="practice-summary">{p.summary}</p> : null}
        {/* bodyHtml is sanitised by the server (sanitize-html) before it is stored. */}
        <article
          className="practice-body"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server
          dangerouslySetInnerHTML={{ __html: p.bodyHtml }}
        />
        {p.roundId ? (
          <p>
            <Link to={`/public/rounds/${p.roundId}`}>{t('public.practices.seeRound')}</Link>
          </p>
        ) : null}
      </Card>
    </>
  );
}
