import { Button, Empty, Skeleton, Tag, Tree, type TreeDataNode } from 'antd';
import { type Key, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUnits, MAX_PAGE_SIZE, type Page, type Unit } from '../../api/units.ts';
import { useRequest } from '../../api/use-request.ts';
import { RequestError, useErrorMessage } from '../../components/request-error.tsx';

interface Props {
  /** The unit shown on the right, with its path: the tree opens down to it. */
  selected: Unit | undefined;
  onSelect: (code: string) => void;
}

function UnitTitle({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  return (
    <span className={unit.active ? 'unit-tree-title' : 'unit-tree-title inactive'}>
      <span data-unit-node={unit.code}>{unit.name}</span>
      {unit.active ? null : (
        <Tag variant="outlined" style={{ marginInlineEnd: 0 }}>
          {t('units.status.inactive')}
        </Tag>
      )}
    </span>
  );
}

/**
 * The unit hierarchy: the roots first, each unit's children fetched when it is opened.
 * Keyboard: Tab into the tree; up/down move, right/left open/close, Enter or Space selects.
 */
export function UnitTree({ selected, onSelect }: Props) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const roots = useRequest('roots', (signal) => listUnits({ limit: MAX_PAGE_SIZE }, signal));
  // Keyed by unit code: the API resolves a reference as a code first, so a numeric id could
  // name another unit (id 37 vs 山东省's code 37).
  const [children, setChildren] = useState<Record<string, Page<Unit>>>({});
  const [failures, setFailures] = useState<Record<string, unknown>>({});
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  const pending = useRef(new Map<string, Promise<Page<Unit> | undefined>>());
  const loaded = useRef(new Map<string, Page<Unit>>());
  const container = useRef<HTMLDivElement>(null);
  const activeKey = useRef<Key | null>(null);

  // Idempotent, and one request per unit however many callers ask at once; undefined when the
  // request failed (the failure is shown in the tree, with a retry).
  const loadChildren = useCallback((code: string): Promise<Page<Unit> | undefined> => {
    const done = loaded.current.get(code);
    if (done) return Promise.resolve(done);
    const running = pending.current.get(code);
    if (running !== undefined) return running;
    const request = listUnits({ parent: code, limit: MAX_PAGE_SIZE })
      .then(
        (page) => {
          loaded.current.set(code, page);
          setChildren((previous) => ({ ...previous, [code]: page }));
          setFailures(({ [code]: _, ...rest }) => rest);
          return page;
        },
        (error: unknown) => {
          setFailures((previous) => ({ ...previous, [code]: error }));
          return undefined;
        },
      )
      .finally(() => pending.current.delete(code));
    pending.current.set(code, request);
    return request;
  }, []);

  const expand = useCallback((codes: string[]) => {
    setExpandedKeys((previous) => [...new Set([...previous.map(String), ...codes])]);
  }, []);

  // A lone root opens by itself, and so on down while each level holds a single unit: a county
  // office sees its towns at once instead of clicking through 省 › 市 › 县.
  const openedLoneRoots = useRef(false);
  useEffect(() => {
    if (!roots.data || openedLoneRoots.current) return;
    openedLoneRoots.current = true;
    // Not cancelled on unmount: expanding a tree that is gone does nothing.
    void (async () => {
      const opened: string[] = [];
      let level = roots.data?.items ?? [];
      for (
        let only = level[0];
        level.length === 1 && only && only.childCount > 0;
        only = level[0]
      ) {
        const page = await loadChildren(only.code);
        if (!page) break;
        opened.push(only.code);
        level = page.items;
      }
      expand(opened);
    })();
  }, [roots.data, loadChildren, expand]);

  // Open the tree down to the selected unit (chosen in search, the table or a link).
  useEffect(() => {
    const ancestors = selected?.path?.slice(0, -1) ?? [];
    if (!selected || ancestors.length === 0) return;
    let cancelled = false;
    void Promise.all(ancestors.map((ancestor) => loadChildren(ancestor.code))).then(() => {
      if (cancelled) return;
      expand(ancestors.map((ancestor) => ancestor.code));
      // Centre it in the tree's own scroll box, leaving the page where it is.
      window.requestAnimationFrame(() => {
        const box = container.current;
        const node = box?.querySelector<HTMLElement>(
          `[data-unit-node="${CSS.escape(selected.code)}"]`,
        );
        if (!box || !node) return;
        const offset = node.getBoundingClientRect().top - box.getBoundingClientRect().top;
        if (offset < 0 || offset > box.clientHeight - node.offsetHeight) {
          box.scrollTop += offset - box.clientHeight / 2;
        }
      });
    });
    return () => {
      cancelled = true;
    };
  }, [selected, loadChildren, expand]);

  const treeData = useMemo(() => {
    const toNode = (unit: Unit): TreeDataNode => {
      const page = children[unit.code];
      const failure = failures[unit.code];
      let nodes: TreeDataNode[] | undefined;
      if (page) {
        nodes = page.items.map(toNode);
        if (page.total > page.items.length) {
          nodes.push({
            key: `more:${unit.code}`,
            isLeaf: true,
            selectable: false,
            title: (
              <span className="unit-tree-note">
                {t('units.tree.truncated', { shown: page.items.length, total: page.total })}
              </span>
            ),
          });
        }
      } else if (failure !== undefined) {
        nodes = [
          {
            key: `failed:${unit.code}`,
            isLeaf: true,
            selectable: false,
            title: (
              <span className="unit-tree-note">
                {t('units.tree.loadFailed')}：{describe(failure)}{' '}
                <Button
                  type="link"
                  size="small"
                  onClick={(event) => {
                    event.stopPropagation();
                    void loadChildren(unit.code);
                  }}
                >
                  {t('errors.retry')}
                </Button>
              </span>
            ),
          },
        ];
      }
      return {
        key: unit.code,
        title: <UnitTitle unit={unit} />,
        isLeaf: unit.childCount === 0,
        children: nodes,
      };
    };
    return (roots.data?.items ?? []).map(toNode);
  }, [roots.data, children, failures, t, describe, loadChildren]);

  if (roots.error !== undefined) return <RequestError error={roots.error} onRetry={roots.reload} />;
  if (!roots.data) return <Skeleton active title={false} paragraph={{ rows: 6 }} />;
  if (roots.data.items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.tree.empty')} />;
  }

  return (
    <div
      ref={container}
      className="units-tree-scroll"
      // Enter opens the unit, as in a file manager (the tree itself would fold it, which the
      // arrow keys already do); unit codes never hold ':', the tree's own notes' keys do.
      onKeyDownCapture={(event) => {
        const key = activeKey.current;
        const onTree = (event.target as HTMLElement).getAttribute('role') === 'tree';
        if (event.key !== 'Enter' || !onTree || key === null || String(key).includes(':')) return;
        event.preventDefault();
        event.stopPropagation();
        onSelect(String(key));
      }}
    >
      <Tree
        aria-label={t('units.tree.label')}
        blockNode
        showLine
        treeData={treeData}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys)}
        selectedKeys={selected ? [selected.code] : []}
        loadData={(node) => loadChildren(String(node.key)).then(() => undefined)}
        onSelect={(_keys, info) => onSelect(String(info.node.key))}
        onActiveChange={(key) => {
          activeKey.current = key;
        }}
      />
    </div>
  );
}
