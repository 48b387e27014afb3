import { ReloadOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, message, Row, Space } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptsEntries } from '../../../../src/core/round-state.ts';
import { ApiError } from '../../api/client.ts';
import type { Contest } from '../../api/contests.ts';
import { problemsOf, problemText } from '../../api/error-message.ts';
import {
  type Entries,
  type EntryProblem,
  getEntries,
  type Round,
  saveEntries,
} from '../../api/rounds.ts';
import { useErrorMessage } from '../../components/request-error.tsx';
import { UnsavedGuard } from '../../hooks/use-unsaved-guard.tsx';
import { CellPanel } from './cell-panel.tsx';
import { EntryGrid } from './entry-grid.tsx';
import { batchOf, cellKey, type Drafts, isChanged, visibleUnits } from './entry-model.ts';

interface Props {
  round: Round;
  contest: Contest;
  entries: Entries;
  /** Replaces the entries shown (after a save or a reload). */
  setEntries: (entries: Entries) => void;
  mayVerify: (indicator: string) => boolean;
}

interface Conflict {
  keys: string[];
  names: string[];
}

/** The entry grid with its unsaved changes, batch save, conflict handling and the cell panel. */
export function EntriesSection({ round, contest, entries, setEntries, mayVerify }: Props) {
  const { t, i18n } = useTranslation();
  const describe = useErrorMessage();
  const [toast, toastHolder] = message.useMessage();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [selected, setSelected] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [serverProblems, setServerProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const byKey = useMemo(
    () => new Map(entries.items.map((e) => [cellKey(e.unit, e.indicator), e])),
    [entries.items],
  );
  const units = useMemo(
    () => visibleUnits(contest.participants, entries),
    [contest.participants, entries],
  );
  const indicators = useMemo(
    () => new Map(round.rubric.indicators.map((i) => [i.code, i])),
    [round.rubric.indicators],
  );
  const changedKeys = useMemo(
    () =>
      Object.entries(drafts)
        .filter(([key, draft]) => {
          const indicator = indicators.get(key.split('|')[1] ?? '');
          return indicator && isChanged(indicator, draft, byKey.get(key));
        })
        .map(([key]) => key),
    [drafts, indicators, byKey],
  );
  const open = acceptsEntries(round.state);
  const editableAny = round.may.fill && entries.editable.indicators.length > 0;

  const edit = useCallback(
    (key: string, change: { text?: string; note?: string }) => {
      setDrafts((previous) => ({
        ...previous,
        [key]: {
          baseVersion: previous[key]?.baseVersion ?? byKey.get(key)?.version ?? 0,
          ...previous[key],
          ...change,
        },
      }));
      setServerProblems((previous) => {
        if (!(key in previous)) return previous;
        const { [key]: _gone, ...rest } = previous;
        return rest;
      });
    },
    [byKey],
  );

  const nameOf = (key: string) => {
    const [unit = '', code = ''] = key.split('|');
    const name = contest.participants.find((p) => p.code === unit)?.name ?? unit;
    return `${name}·${code}`;
  };

  const save = async () => {
    const changed: Drafts = {};
    for (const key of changedKeys) changed[key] = drafts[key]!;
    const { items, keys, invalid } = batchOf(round.rubric, changed, byKey);
    setFailure(null);
    setConflict(null);
    if (invalid.length) {
      setFailure(t('rounds.grid.fixFirst', { count: invalid.length }));
      setSelected(invalid[0]);
      return;
    }
    if (items.length === 0) return;
    setSaving(true);
    try {
      const { saved } = await saveEntries(round.id, items);
      const fresh = await getEntries(round.id);
      setEntries(fresh);
      setDrafts({});
      setServerProblems({});
      void toast.success(t('rounds.grid.saved', { count: saved }));
    } catch (caught) {
      const problems = problemsOf<EntryProblem>(caught);
      const stale = problems.filter((p) => p.code === 'STALE_VERSION');
      const byCell: Record<string, string> = {};
      for (const p of problems) {
        const key = keys[p.index];
        if (key) byCell[key] = problemText(p, t, i18n.language);
      }
      setServerProblems(byCell);
      if (caught instanceof ApiError && caught.status === 409 && stale.length) {
        const staleKeys = stale.map((p) => keys[p.index]).filter((k): k is string => !!k);
        setConflict({ keys: staleKeys, names: staleKeys.map(nameOf) });
      } else if (problems.length) {
        setFailure(
          t('rounds.grid.refused', {
            count: problems.length,
            cells: problems
              .slice(0, 5)
              .map((p) => keys[p.index])
              .filter((k): k is string => !!k)
              .map(nameOf)
              .join('、'),
          }),
        );
      } else {
        setFailure(describe(caught));
      }
    } finally {
      setSaving(false);
    }
  };

  /** Reads the entries again; the conflicting cells take the other person's values. */
  const reload = async (dropConflicts: boolean) => {
    setReloading(true);
    try {
      const fresh = await getEntries(round.id);
      setEntries(fresh);
      if (dropConflicts && conflict) {
        setDrafts((previous) => {
          const next = { ...previous };
          for (const key of conflict.keys) delete next[key];
          return next;
        });
      }
      setConflict(null);
      setServerProblems({});
      setFailure(null);
    } catch (caught) {
      setFailure(describe(caught));
    } finally {
      setReloading(false);
    }
  };

  const selectedParts = selected?.split('|');
  const selectedUnit = contest.participants.find((p) => p.code === selectedParts?.[0]);
  const selectedIndicator = indicators.get(selectedParts?.[1] ?? '');

  if (units.length === 0) {
    return <Empty description={t('rounds.grid.noUnits')} />;
  }

  return (
    <div className="entries-section">
      {toastHolder}
      <UnsavedGuard when={changedKeys.length > 0} count={changedKeys.length} />
      <div className="entries-toolbar">
        <span className="muted">
          {editableAny
            ? t('rounds.grid.hint')
            : open
              ? t('rounds.grid.readOnlyYou')
              : t(`rounds.grid.closed.${round.state}`)}
        </span>
        <Space wrap>
          {changedKeys.length ? (
            <span className="unsaved" role="status">
              {t('rounds.grid.unsaved', { count: changedKeys.length })}
            </span>
          ) : null}
          <Button
            icon={<UndoOutlined />}
            disabled={!changedKeys.length || saving}
            onClick={() => setDrafts({})}
          >
            {t('rounds.grid.discard')}
          </Button>
          <Button icon={<ReloadOutlined />} loading={reloading} onClick={() => void reload(false)}>
            {t('rounds.grid.reload')}
          </Button>
          {editableAny ? (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              disabled={!changedKeys.length}
              onClick={() => void save()}
            >
              {t('rounds.grid.save', { count: changedKeys.length })}
            </Button>
          ) : null}
        </Space>
      </div>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          className="conflict-alert"
          title={t('rounds.grid.conflictTitle')}
          description={t('rounds.grid.conflict', {
            count: conflict.keys.length,
            cells: conflict.names.join('、'),
          })}
          action={
            <Button type="primary" loading={reloading} onClick={() => void reload(true)}>
              {t('rounds.grid.conflictReload')}
            </Button>
          }
        />
      ) : null}
      {failure ? (
        <Alert type="error" showIcon role="alert" title={failure} className="conflict-alert" />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={selectedUnit && selectedIndicator ? 17 : 24}>
          <EntryGrid
            rubric={round.rubric}
            units={units}
            entries={entries}
            byKey={byKey}
            drafts={drafts}
            serverProblems={serverProblems}
            selected={selected}
            onSelect={setSelected}
            onType={(key, text) => edit(key, { text })}
          />
        </Col>
        {selectedUnit && selectedIndicator && selected ? (
          <Col xs={24} xxl={7}>
            <CellPanel
              key={selected}
              round={round}
              unit={selectedUnit}
              indicator={selectedIndicator}
              entries={entries}
              entry={byKey.get(selected)}
              draft={drafts[selected]}
              mayVerify={mayVerify(selectedIndicator.code)}
              onNote={(note) => edit(selected, { note })}
              onChanged={async () => {
                const before = byKey.get(selected);
                const fresh = await getEntries(round.id);
                setEntries(fresh);
                // An upload to an empty cell creates its entry: the draft now builds on it.
                const after = fresh.items.find((e) => cellKey(e.unit, e.indicator) === selected);
                if (!before && after && drafts[selected]) {
                  setDrafts((previous) => ({
                    ...previous,
                    [selected]: { ...previous[selected]!, baseVersion: after.version },
                  }));
                }
              }}
            />
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
