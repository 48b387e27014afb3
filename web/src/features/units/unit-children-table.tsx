import { Empty, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { listUnits, type Unit } from '../../api/units.ts';
import { useRequest } from '../../api/use-request.ts';
import { RequestError } from '../../components/request-error.tsx';
import { kindLabel, UnitStatusTag } from './unit-labels.tsx';

interface Props {
  unit: Unit;
  hrefFor: (code: string) => string;
}

/** The unit's direct children, a page at a time; a row (or its name, by keyboard) opens it. */
export function UnitChildrenTable({ unit, hrefFor }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pager, setPager] = useState({ page: 1, size: 20 });
  const children = useRequest(
    unit.childCount > 0 ? `children:${unit.code}:${pager.page}:${pager.size}` : null,
    (signal) =>
      listUnits(
        { parent: unit.code, limit: pager.size, offset: (pager.page - 1) * pager.size },
        signal,
      ),
  );

  const columns: TableColumnsType<Unit> = [
    {
      key: 'code',
      title: t('units.children.code'),
      dataIndex: 'code',
      width: 150,
      render: (code: string) => <span className="unit-code">{code}</span>,
    },
    {
      key: 'name',
      title: t('units.children.name'),
      dataIndex: 'name',
      render: (name: string, child) => <Link to={hrefFor(child.code)}>{name}</Link>,
    },
    {
      key: 'kind',
      title: t('units.children.kind'),
      dataIndex: 'kind',
      width: 96,
      render: (kind: string) => kindLabel(t, kind),
    },
    {
      key: 'childCount',
      title: t('units.children.childCount'),
      dataIndex: 'childCount',
      width: 112,
      align: 'right',
    },
    {
      key: 'status',
      title: t('units.children.status'),
      dataIndex: 'active',
      width: 88,
      render: (active: boolean) => <UnitStatusTag active={active} />,
    },
  ];

  const total = children.data?.total ?? unit.childCount;

  return (
    <section className="unit-children" aria-labelledby="unit-children-title">
      <div className="unit-children-head">
        <h3 id="unit-children-title">{t('units.children.title')}</h3>
        {unit.childCount > 0 ? <span>{t('units.children.total', { total })}</span> : null}
      </div>
      {unit.childCount === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.children.empty')} />
      ) : children.error !== undefined ? (
        <RequestError error={children.error} onRetry={children.reload} />
      ) : (
        <Table<Unit>
          size="middle"
          bordered
          rowKey="id"
          columns={columns}
          dataSource={children.data?.items ?? []}
          loading={children.loading}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('units.children.empty') }}
          onRow={(child) => ({
            onClick: (event) => {
              // The name is a link already; a click elsewhere on the row opens the unit too.
              if ((event.target as HTMLElement).closest('a')) return;
              void navigate(hrefFor(child.code));
            },
          })}
          pagination={{
            current: pager.page,
            pageSize: pager.size,
            total,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (count) => t('units.children.total', { total: count }),
            onChange: (page, size) => setPager({ page: size === pager.size ? page : 1, size }),
          }}
        />
      )}
    </section>
  );
}
