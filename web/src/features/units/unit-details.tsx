import { Breadcrumb, Button, Descriptions, Empty, Result, Skeleton, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { isNotFound } from '../../api/error-message.ts';
import type { Unit } from '../../api/units.ts';
import type { RequestState } from '../../api/use-request.ts';
import { RequestError } from '../../components/request-error.tsx';
import { UnitChildrenTable } from './unit-children-table.tsx';
import { kindLabel, UnitStatusTag } from './unit-labels.tsx';

interface Props {
  /** The unit named in the address, if any. */
  unitKey: string | undefined;
  unit: RequestState<Unit>;
  hrefFor: (code: string) => string;
}

export function UnitDetails({ unitKey, unit: request, hrefFor }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  if (unitKey === undefined) {
    return (
      <Empty
        style={{ padding: '64px 0' }}
        description={
          <>
            <div className="unit-empty-title">{t('units.detail.emptyTitle')}</div>
            <div className="unit-tree-note">{t('units.detail.emptyHint')}</div>
          </>
        }
      />
    );
  }
  if (request.error !== undefined) {
    return isNotFound(request.error) ? (
      <Result
        status="warning"
        title={t('units.detail.notFound')}
        extra={<Button onClick={() => navigate('/units')}>{t('units.detail.backToList')}</Button>}
      />
    ) : (
      <RequestError error={request.error} onRetry={request.reload} />
    );
  }
  const unit = request.data;
  if (!unit) return <Skeleton active paragraph={{ rows: 8 }} />;

  const path = unit.path ?? [];
  const parent = path.length >= 2 ? path[path.length - 2] : undefined;

  return (
    <Spin spinning={request.loading}>
      <article aria-labelledby="unit-detail-name">
        {path.length > 0 ? (
          <nav aria-label={t('units.detail.path')}>
            <Breadcrumb
              separator="›"
              items={path.map((step, index) => ({
                key: step.id,
                title:
                  index === path.length - 1 ? (
                    <span aria-current="page">{step.name}</span>
                  ) : (
                    <Link to={hrefFor(step.code)}>{step.name}</Link>
                  ),
              }))}
            />
          </nav>
        ) : null}
        <div className="unit-detail-title">
          <h2 id="unit-detail-name">{unit.name}</h2>
          <UnitStatusTag active={unit.active} />
        </div>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          items={[
            { key: 'name', label: t('units.detail.name'), children: unit.name },
            {
              key: 'code',
              label: t('units.detail.code'),
              children: <span className="unit-code">{unit.code}</span>,
            },
            { key: 'kind', label: t('units.detail.kind'), children: kindLabel(t, unit.kind) },
            {
              key: 'parent',
              label: t('units.detail.parent'),
              children: parent ? (
                <Link to={hrefFor(parent.code)}>{parent.name}</Link>
              ) : (
                t('units.detail.noParent')
              ),
            },
            {
              key: 'status',
              label: t('units.detail.status'),
              children: <UnitStatusTag active={unit.active} />,
            },
            { key: 'childCount', label: t('units.detail.childCount'), children: unit.childCount },
          ]}
        />
        <UnitChildrenTable key={unit.id} unit={unit} hrefFor={hrefFor} />
      </article>
    </Spin>
  );
}
