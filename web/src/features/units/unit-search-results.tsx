import { Empty, Pagination, Skeleton, Spin } from 'antd';
import { type KeyboardEvent, type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listUnits } from '../../api/units.ts';
import { useRequest } from '../../api/use-request.ts';
import { RequestError } from '../../components/request-error.tsx';
import { Highlight, kindLabel } from './unit-labels.tsx';

const PAGE_SIZE = 20;

interface Props {
  query: string;
  selectedCode: string | undefined;
  hrefFor: (code: string) => string;
  listRef?: Ref<HTMLUListElement>;
}

// Up and down move between results, as in any list; Enter follows the focused link.
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-unit-code]')];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = links[event.key === 'ArrowDown' ? at + 1 : at - 1];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** Units whose name contains the query or whose code starts with it, each with its path. */
export function UnitSearchResults({ query, selectedCode, hrefFor, listRef }: Props) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const results = useRequest(`search:${query}:${page}`, (signal) =>
    listUnits({ q: query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
  );

  if (results.error !== undefined) {
    return <RequestError error={results.error} onRetry={results.reload} />;
  }
  if (!results.data) return <Skeleton active title={false} paragraph={{ rows: 5 }} />;
  if (results.data.total === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <div>{t('units.search.empty', { q: query })}</div>
            <div className="unit-tree-note">{t('units.search.hint')}</div>
          </>
        }
      />
    );
  }

  return (
    <section aria-label={t('units.search.results')}>
      <div className="unit-search-summary" role="status">
        {t('units.search.total', { total: results.data.total })}
      </div>
      <Spin spinning={results.loading}>
        <ul ref={listRef} className="unit-search-results" onKeyDown={moveFocus}>
          {results.data.items.map((unit) => (
            <li key={unit.id}>
              <Link
                to={hrefFor(unit.code)}
                data-unit-code={unit.code}
                className={
                  unit.code === selectedCode ? 'unit-search-result selected' : 'unit-search-result'
                }
                aria-current={unit.code === selectedCode ? 'true' : undefined}
              >
                <span className="unit-search-result-head">
                  <span className="unit-search-result-name">
                    <Highlight text={unit.name} query={query} />
                  </span>
                  <span className="unit-search-result-kind">{kindLabel(t, unit.kind)}</span>
                  <span className="unit-search-result-code unit-code">
                    {unit.code.startsWith(query) ? (
                      <Highlight text={unit.code} query={query} />
                    ) : (
                      unit.code
                    )}
                  </span>
                </span>
                <span className="unit-search-result-path">
                  {(unit.path ?? []).map((step) => step.name).join(' › ')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </Spin>
      {results.data.total > PAGE_SIZE ? (
        <Pagination
          simple
          showSizeChanger={false}
          size="small"
          align="center"
          style={{ marginTop: 8 }}
          current={page}
          pageSize={PAGE_SIZE}
          total={results.data.total}
          onChange={setPage}
        />
      ) : null}
    </section>
  );
}
