import { PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Input, Row, Skeleton, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { type ContestSummary, LONGHUBANG_CATEGORIES, listContests } from '../../api/contests.ts';
import { useRequest } from '../../api/use-request.ts';
import { useSession } from '../../app/session.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RequestError } from '../../components/request-error.tsx';

/** Categories in the 龙虎榜's order, then the others by name. */
function orderCategories(categories: string[]): string[] {
  const known = LONGHUBANG_CATEGORIES as readonly string[];
  return [...categories].sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return a.localeCompare(b, 'zh-CN');
  });
}

/** 擂台/榜单: every contest, grouped by category (the 龙虎榜's six first). */
export default function ContestsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session } = useSession();
  const [text, setText] = useState('');
  const contests = useRequest('contests', (signal) => listContests({}, signal));
  const mayCreate = session?.may.createContests ?? false;

  const groups = useMemo(() => {
    const query = text.trim();
    const items = (contests.data?.items ?? []).filter(
      (c) => !query || c.title.includes(query) || c.category.includes(query),
    );
    const byCategory = new Map<string, ContestSummary[]>();
    for (const contest of items) {
      byCategory.set(contest.category, [...(byCategory.get(contest.category) ?? []), contest]);
    }
    return orderCategories([...byCategory.keys()]).map((category) => ({
      category,
      longhubang: (LONGHUBANG_CATEGORIES as readonly string[]).includes(category),
      items: byCategory.get(category) ?? [],
    }));
  }, [contests.data, text]);

  return (
    <>
      <div className="page-title-row">
        <PageHeader title={t('contests.title')} subtitle={t('contests.subtitle')} />
        {mayCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/contests/new')}>
            {t('contests.create')}
          </Button>
        ) : null}
      </div>
      <Input.Search
        className="page-filter"
        allowClear
        placeholder={t('contests.searchPlaceholder')}
        aria-label={t('contests.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        style={{ maxWidth: 360 }}
      />
      {contests.error !== undefined ? (
        <RequestError error={contests.error} onRetry={contests.reload} />
      ) : !contests.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : groups.length === 0 ? (
        <Card>
          <Empty
            description={text ? t('contests.noMatch') : t('contests.empty')}
            image={Empty.PRESENTED_IMAGE_SIMPLE}
          >
            {mayCreate && !text ? (
              <Button type="primary" onClick={() => navigate('/contests/new')}>
                {t('contests.create')}
              </Button>
            ) : null}
          </Empty>
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {groups.map((group) => (
            <Col key={group.category} xs={24} md={12} xxl={8}>
              <Card
                className="contest-category"
                size="small"
                title={
                  <span className="contest-category-title">
                    <TrophyOutlined />
                    <h2>{group.category}</h2>
                    {group.longhubang ? (
                      <Tag color="red" variant="outlined">
                        {t('contests.longhubang')}
                      </Tag>
                    ) : null}
                  </span>
                }
                extra={t('contests.count', { count: group.items.length })}
              >
                <ul className="contest-list">
                  {group.items.map((contest) => (
                    <li key={contest.id}>
                      <Link to={`/contests/${contest.id}`} className="contest-link">
                        {contest.title}
                      </Link>
                      <span className="contest-meta">
                        {contest.organizer.name} · {t(`contests.cadences.${contest.cadence}`)}
                      </span>
                    </li>
                  ))}
                </ul>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
