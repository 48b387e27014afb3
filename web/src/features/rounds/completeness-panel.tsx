import { Alert, Card, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Completeness, UnitCompleteness } from './completeness.ts';

/** 完整性检查: counts, then one row a unit that still lacks values or evidence. */
export function CompletenessPanel({ completeness }: { completeness: Completeness }) {
  const { t } = useTranslation();
  const rows = completeness.units.filter(
    (u) => u.missingValues.length > 0 || u.missingEvidence.length > 0,
  );
  const codes = (list: string[]) =>
    list.length ? (
      <span>
        <strong>{list.length}</strong> <span className="muted">{list.join('、')}</span>
      </span>
    ) : (
      <span className="muted">—</span>
    );
  const columns: TableColumnsType<UnitCompleteness> = [
    { key: 'name', title: t('common.unit'), dataIndex: 'name' },
    {
      key: 'values',
      title: t('completeness.missingValues'),
      render: (_: unknown, u) => codes(u.missingValues),
    },
    {
      key: 'evidence',
      title: t('completeness.missingEvidence'),
      render: (_: unknown, u) => codes(u.missingEvidence),
    },
  ];
  const complete = completeness.incomplete === 0;
  return (
    <Card
      size="small"
      className="section-card completeness-panel"
      title={t('completeness.title')}
      extra={
        <span>
          <Tag color={complete ? 'success' : 'warning'}>
            {t('completeness.summary', {
              total: completeness.total,
              count: completeness.incomplete,
            })}
          </Tag>
          <Tag>{t('completeness.evidenceSummary', { count: completeness.withoutEvidence })}</Tag>
        </span>
      }
    >
      {rows.length === 0 ? (
        <Alert type="success" showIcon title={t('completeness.allDone')} />
      ) : (
        <Table<UnitCompleteness>
          size="small"
          rowKey="code"
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          scroll={{ x: 480 }}
        />
      )}
    </Card>
  );
}
