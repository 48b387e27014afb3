import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoundState } from '../api/contests.ts';

const COLORS: Record<RoundState, string> = {
  draft: 'default',
  collecting: 'processing',
  reviewing: 'orange',
  notice: 'purple',
  published: 'success',
};

/** 草稿, 填报中, 审核中, 公示中, 已发布. */
export function RoundStateTag({ state }: { state: RoundState }) {
  const { t } = useTranslation();
  return (
    <Tag className="round-state" color={COLORS[state]}>
      {t(`rounds.states.${state}`)}
    </Tag>
  );
}
