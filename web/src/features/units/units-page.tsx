import { Card, Col, Input, Row } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { getUnit } from '../../api/units.ts';
import { useRequest } from '../../api/use-request.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { UnitDetails } from './unit-details.tsx';
import { UnitSearchResults } from './unit-search-results.tsx';
import { UnitTree } from './unit-tree.tsx';

const SEARCH_DELAY_MS = 300;
/** The API refuses longer search texts. */
const SEARCH_MAX_LENGTH = 50;

/**
 * 组织机构: the unit tree (or search results) on the left, the chosen unit on the right.
 * The address holds the state — /units/:code?q=… — so back, reload and links all work.
 */
export default function UnitsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { code: unitKey } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('q') ?? '';

  const [text, setText] = useState(query);
  const debounced = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);
  const resultsRef = useRef<HTMLUListElement>(null);

  const applyQuery = useCallback(
    (next: string) => {
      setSearchParams(
        (previous) => {
          const params = new URLSearchParams(previous);
          if (next) params.set('q', next);
          else params.delete('q');
          return params;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );

  // Typing settles into the address after a pause, and the address (back button, a shared
  // link) sets the text; each effect must fire on its own source only, or they would fight.
  // biome-ignore lint/correctness/useExhaustiveDependencies: fires on the settled text only
  useEffect(() => {
    if (debounced !== query) applyQuery(debounced);
  }, [debounced]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: fires on the address only
  useEffect(() => {
    if (query !== text.trim()) setText(query);
  }, [query]);

  const unit = useRequest(unitKey === undefined ? null : `unit:${unitKey}`, (signal) =>
    getUnit(unitKey ?? '', signal),
  );
  const selected = unit.data?.code === unitKey ? unit.data : undefined;

  // Units are addressed by code: readable (/units/371323104), and the API resolves a reference
  // as a code before an id, so an id in the address could name another unit.
  const hrefFor = useCallback(
    (code: string) => `/units/${encodeURIComponent(code)}${location.search}`,
    [location.search],
  );

  // An address that names the unit by id (or by a code in another case) becomes its own.
  useEffect(() => {
    if (unit.data && !unit.loading && unitKey !== undefined && unit.data.code !== unitKey) {
      void navigate(hrefFor(unit.data.code), { replace: true });
    }
  }, [unit.data, unit.loading, unitKey, hrefFor, navigate]);

  return (
    <>
      <PageHeader title={t('units.title')} subtitle={t('units.subtitle')} />
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} lg={9} xl={8} xxl={6}>
          <Card className="units-panel" title={t('units.hierarchy')} size="small">
            <Input.Search
              role="searchbox"
              aria-label={t('units.search.label')}
              placeholder={t('units.search.placeholder')}
              allowClear
              maxLength={SEARCH_MAX_LENGTH}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                // Clearing shows the tree again at once; typing waits for a pause.
                if (event.target.value === '') applyQuery('');
              }}
              onSearch={(value) => applyQuery(value.trim())}
              onKeyDown={(event) => {
                if (event.key === 'ArrowDown') {
                  const first = resultsRef.current?.querySelector<HTMLAnchorElement>('a');
                  if (first) {
                    event.preventDefault();
                    first.focus();
                  }
                }
              }}
              style={{ marginBottom: 8 }}
            />
            {query ? (
              <UnitSearchResults
                key={query}
                query={query}
                selectedCode={selected?.code}
                hrefFor={hrefFor}
                listRef={resultsRef}
              />
            ) : null}
            {/* Kept mounted while searching, so what was opened stays open. */}
            <div hidden={query !== ''}>
              <UnitTree selected={selected} onSelect={(code) => void navigate(hrefFor(code))} />
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16} xxl={18}>
          <Card className="units-detail" role="region" aria-label={t('units.detail.label')}>
            <UnitDetails unitKey={unitKey} unit={unit} hrefFor={hrefFor} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
