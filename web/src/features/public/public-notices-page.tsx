import { Alert, Collapse, Empty, Skeleton, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listPublicNotices, type PublicNotice } from '../../api/outcomes.ts';
import { useRequest } from '../../api/use-request.ts';
import { FlagBadge } from '../../components/flag-badge.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { periodText } from '../../lib/period.ts';

type Row = PublicNotice['results'][number];

/** 公示中: rounds in their notice window with preliminary results and the window's end. */
export default function PublicNoticesPage() {
  const { t, i18n } = useTranslation();
  const notices = useRequest('public:notices', (signal) => listPublicNotices(signal));
  const columns: TableColumnsType<Row> = [
    { key: 'rank', title: t('results.rank'), dataIndex: 'rank', width: 56, align: 'center' },
    {
      key: 'unit',
      title: t('common.unit'),
      render: (_: unknown, r) => (
        <span>
          <Link to={`/public/units/${encodeURIComponent(r.code)}`}>{r.name}</Link>
          {r.group ? <span className="muted small">（{r.group}）</span> : null}
        </span>
      ),
    },
    {
      key: 'total',
      title: t('results.total'),
      width: 80,
      align: 'right',
      render: (_: unknown, r) => formatNumber(r.total),
    },
    {
      key: 'flag',
      title: t('results.flag'),
      width: 84,
      render: (_: unknown, r) => <FlagBadge flag={r.flag} />,
    },
  ];
  const items = notices.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('notices.title')} subtitle={t('notices.subtitle')} />
      {notices.error !== undefined ? (
        <RequestError error={notices.error} onRetry={notices.reload} />
      ) : !notices.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : items.length === 0 ? (
        <Empty description={t('notices.none')} />
      ) : (
        <>
          <Alert className="notices-hint" type="info" showIcon title={t('notices.hint')} />
          <Collapse
            className="public-notices"
            defaultActiveKey={items.length <= 3 ? items.map((n) => n.id) : []}
            items={items.map((n) => ({
              key: n.id,
              className: 'public-notice',
              label: (
                <span className="public-notice-head">
                  <Tag color="purple">{t('rounds.states.notice')}</Tag>
                  <strong>{n.contest.title}</strong>
                  <span> · {periodText(n.period, i18n.language)}</span>
                  <span className="muted small public-notice-end">
                    {n.noticeEndsAt
                      ? t('notices.endsAt', { date: formatDateTime(n.noticeEndsAt) })
                      : null}
                  </span>
                </span>
              ),
              children: (
                <Table<Row>
                  size="small"
                  rowKey="code"
                  columns={columns}
                  dataSource={n.results}
                  pagination={false}
                />
              ),
            }))}
          />
        </>
      )}
    </>
  );
}
