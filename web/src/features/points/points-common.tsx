// What the party-points pages share: the chosen branch (in the URL, remembered on this browser),
// the strip of links between the branch's pages, the class tag and the period choices.
import {
  AuditOutlined,
  BarChartOutlined,
  BookOutlined,
  EditOutlined,
  HomeOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Alert, Empty, Select, Skeleton, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { type Branch, listBranches, type PointsClass } from '../../api/points.ts';
import { useRequest } from '../../api/use-request.ts';
import { RequestError } from '../../components/request-error.tsx';
import { periodOf, periodText } from '../../lib/period.ts';
import './points.css';

const STORAGE_KEY = 'leitai.points.branch';

function storedBranch(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export interface BranchChoice {
  branches: Branch[];
  branch: Branch | undefined;
  loading: boolean;
  error: unknown;
  reload: () => void;
  choose: (id: number) => void;
}

/**
 * The branches the user may see and the one chosen: `?branch=` first, then the one chosen last
 * on this browser, then the first (a clerk has exactly one).
 */
export function usePointsBranch(): BranchChoice {
  const [params, setParams] = useSearchParams();
  const list = useRequest('points:branches', (signal) => listBranches(undefined, signal));
  const branches = list.data ?? [];
  const wanted = params.get('branch') ?? storedBranch();
  const branch = branches.find((b) => String(b.id) === wanted) ?? branches[0];
  useEffect(() => {
    if (!branch) return;
    try {
      window.localStorage.setItem(STORAGE_KEY, String(branch.id));
    } catch {
      // Storage off: the URL still carries the choice.
    }
  }, [branch]);
  const choose = useCallback(
    (id: number) => {
      const next = new URLSearchParams(params);
      next.set('branch', String(id));
      setParams(next);
    },
    [params, setParams],
  );
  return {
    branches,
    branch,
    loading: list.loading,
    error: list.error,
    reload: list.reload,
    choose,
  };
}

export type PointsTab =
  | 'members'
  | 'record'
  | 'review'
  | 'rules'
  | 'leaderboard'
  | 'households'
  | 'market';

const TABS: { key: PointsTab; path: string; icon: React.ReactNode }[] = [
  { key: 'members', path: '/points', icon: <TeamOutlined /> },
  { key: 'record', path: '/points/record', icon: <EditOutlined /> },
  { key: 'review', path: '/points/review', icon: <AuditOutlined /> },
  { key: 'rules', path: '/points/rules', icon: <BookOutlined /> },
  { key: 'leaderboard', path: '/points/leaderboard', icon: <BarChartOutlined /> },
  { key: 'households', path: '/points/households', icon: <HomeOutlined /> },
  { key: 'market', path: '/points/market', icon: <ShopOutlined /> },
];

/**
 * The branch picker (when there is more than one) and the links between the branch's pages;
 * recording shows only to the branch's clerk.
 */
export function PointsNav({ choice, current }: { choice: BranchChoice; current: PointsTab }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { branch, branches } = choice;
  const tabs = TABS.filter((tab) => tab.key !== 'record' || branch?.may.record);
  const suffix = branch ? `?branch=${branch.id}` : '';
  return (
    <div className="points-nav">
      {branches.length > 1 ? (
        <Select
          className="points-branch-select"
          aria-label={t('points.branch')}
          value={branch?.id}
          onChange={(id: number) => choice.choose(id)}
          showSearch={{ optionFilterProp: 'label' }}
          options={branches.map((b) => ({ value: b.id, label: b.unitName }))}
        />
      ) : null}
      <nav aria-label={t('points.pages')} className="points-tabs">
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            to={`${tab.path}${suffix}`}
            className={tab.key === current ? 'points-tab current' : 'points-tab'}
            aria-current={tab.key === current && pathname === tab.path ? 'page' : undefined}
          >
            {tab.icon}
            <span>{t(`points.tabs.${tab.key}`)}</span>
          </Link>
        ))}
      </nav>
    </div>
  );
}

/** Loading, failure and "no branch" in one place, so each page renders only with a branch. */
export function BranchGate({
  choice,
  children,
}: {
  choice: BranchChoice;
  children: (branch: Branch) => React.ReactNode;
}) {
  const { t } = useTranslation();
  if (choice.error) return <RequestError error={choice.error} onRetry={choice.reload} />;
  if (!choice.branch && choice.loading) return <Skeleton active />;
  if (!choice.branch) return <Empty description={t('points.noBranch')} />;
  return <>{children(choice.branch)}</>;
}

const CLASS_COLORS: Record<PointsClass, string> = {
  vanguard: 'red',
  qualified: 'blue',
  improve: 'orange',
};

/** 先锋 / 合格 / 待提升 (quarters only). */
export function ClassTag({ value }: { value: PointsClass | null }) {
  const { t } = useTranslation();
  if (!value) return null;
  return <Tag color={CLASS_COLORS[value]}>{t(`points.classes.${value}`)}</Tag>;
}

export type PeriodKind = 'month' | 'quarter' | 'year';

/** The last periods of a kind, newest first, counted back from `today`. */
export function recentPeriods(kind: PeriodKind, today = new Date()): string[] {
  const out: string[] = [];
  const count = kind === 'month' ? 12 : kind === 'quarter' ? 8 : 3;
  for (let back = 0; back < count; back++) {
    const d =
      kind === 'year'
        ? new Date(today.getFullYear() - back, 0, 1)
        : new Date(today.getFullYear(), today.getMonth() - back * (kind === 'quarter' ? 3 : 1), 1);
    out.push(periodOf(kind, d));
  }
  return out;
}

export function kindOfPeriod(period: string): PeriodKind {
  if (/^\d{4}$/.test(period)) return 'year';
  if (/-Q\d$/.test(period)) return 'quarter';
  return 'month';
}

/** The period kind and period pickers; the period lives in the URL as `?period=`. */
export function PeriodPicker({
  period,
  onChange,
}: {
  period: string;
  onChange: (period: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const kind = kindOfPeriod(period);
  const periods = useMemo(() => recentPeriods(kind), [kind]);
  const options = (periods.includes(period) ? periods : [period, ...periods]).map((p) => ({
    value: p,
    label: periodText(p, i18n.language),
  }));
  return (
    <div className="points-period">
      <Select
        aria-label={t('points.periodKind')}
        value={kind}
        className="points-period-kind"
        onChange={(k: PeriodKind) => onChange(recentPeriods(k)[0]!)}
        options={(['month', 'quarter', 'year'] as const).map((k) => ({
          value: k,
          label: t(`points.periodKinds.${k}`),
        }))}
      />
      <Select
        aria-label={t('points.period')}
        value={period}
        className="points-period-value"
        onChange={onChange}
        options={options}
      />
    </div>
  );
}

/** 男/女 as stored, in the user's language. */
export function genderText(gender: string, t: TFunction): string {
  return gender === '男'
    ? t('points.members.male')
    : gender === '女'
      ? t('points.members.female')
      : gender;
}

/** "+2" for awards, "−3" for deductions. */
export function signed(points: number): string {
  return points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '0';
}

/** Today in the browser's own calendar, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A notice for pages the user reaches without the branch role they need. */
export function NoAccess({ what }: { what: string }) {
  return <Alert type="info" showIcon title={what} />;
}
