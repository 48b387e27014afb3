import { Card, Empty, Skeleton, Table, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Branch, listRules, type Rule } from '../../api/points.ts';
import { getUnit } from '../../api/units.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';
import { BranchGate, PointsNav, signed, usePointsBranch } from './points-common.tsx';

/** 积分细则: the rules that apply to a branch (its town's and its county's), by category. */
export default function RulesPage() {
  const { t } = useTranslation();
  const choice = usePointsBranch();
  return (
    <>
      <PageHeader title={t('points.rules.title')} subtitle={t('points.rules.subtitle')} />
      <PointsNav choice={choice} current="rules" />
      <BranchGate choice={choice}>
        {(branch) => <Catalogue key={branch.id} branch={branch} />}
      </BranchGate>
    </>
  );
}

function Catalogue({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const rules = useRequest(`points:rules:${branch.id}`, (signal) => listRules(branch.id, signal));
  // The organizers (a town, the county) are on the branch's unit path.
  const unit = useRequest(`unit:${branch.unitCode}`, (signal) => getUnit(branch.unitCode, signal));
  const names = new Map((unit.data?.path ?? []).map((u) => [u.id, u.name]));
  const groups = useMemo(() => {
    const out = new Map<string, Rule[]>();
    for (const r of rules.data ?? []) {
      const key = `${r.organizerUnitId}\u0000${r.category}`;
      out.set(key, [...(out.get(key) ?? []), r]);
    }
    return [...out.values()];
  }, [rules.data]);
  if (rules.error) return <RequestError error={rules.error} onRetry={rules.reload} />;
  if (!rules.data) return <Skeleton active />;
  if (groups.length === 0)
    return (
      <Card size="small">
        <Empty description={t('points.rules.none')} />
      </Card>
    );
  const columns: TableColumnsType<Rule> = [
    { title: t('points.rules.item'), dataIndex: 'item' },
    {
      title: t('points.rules.points'),
      dataIndex: 'points',
      width: 80,
      align: 'right',
      render: (p: number) => (
        <span className={p < 0 ? 'points-value minus' : 'points-value plus'}>{signed(p)}</span>
      ),
    },
    {
      title: t('points.rules.itemCap'),
      dataIndex: 'itemCap',
      width: 120,
      align: 'right',
      render: (cap: number | null) => (cap === null ? t('points.rules.noCap') : cap),
    },
  ];
  return (
    <div className="points-rules">
      {groups.map((list) => {
        const first = list[0]!;
        return (
          <Card
            key={`${first.organizerUnitId}-${first.category}`}
            size="small"
            className="section-card"
            title={first.category}
          >
            <p className="points-rules-extra">
              {first.categoryCap === null
                ? t('points.rules.categoryNoCap')
                : t('points.rules.categoryCap', { cap: first.categoryCap })}
              {names.get(first.organizerUnitId)
                ? ` · ${t('points.rules.by', { name: names.get(first.organizerUnitId) })}`
                : ''}
            </p>
            <Table<Rule>
              size="small"
              rowKey="id"
              columns={columns}
              dataSource={list}
              pagination={false}
            />
          </Card>
        );
      })}
      <p className="points-hint">{t('points.rules.capsHint')}</p>
    </div>
  );
}
