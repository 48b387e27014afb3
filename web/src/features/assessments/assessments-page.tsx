import { Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type AssessmentSummary, listAssessments } from '../../api/assessments.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';

/** 综合考核: the yearly assessments the reader may see, newest year first. */
export default function AssessmentsPage() {
  const { t } = useTranslation();
  const list = useRequest('assessments', (signal) => listAssessments(signal));
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.year - a.year || b.id - a.id);
  const columns: TableColumnsType<AssessmentSummary> = [
    { key: 'year', title: t('assessments.year'), dataIndex: 'year', width: 100 },
    {
      key: 'title',
      title: t('assessments.name'),
      render: (_: unknown, a) => (
        <Link to={`/assessments/${a.id}`}>
          {t('assessments.yearTitle', { year: a.year, title: a.title })}
        </Link>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 140,
      render: (_: unknown, a) => <Link to={`/assessments/${a.id}`}>{t('assessments.view')}</Link>,
    },
  ];
  return (
    <>
      <PageHeader title={t('assessments.title')} subtitle={t('assessments.subtitle')} />
      <Card size="small" className="section-card">
        {list.error !== undefined ? (
          <RequestError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<AssessmentSummary>
            size="small"
            bordered
            rowKey="id"
            loading={list.loading}
            columns={columns}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: t('assessments.empty') }}
          />
        )}
      </Card>
    </>
  );
}
