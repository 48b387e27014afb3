import { Table, type TableColumnType, type TableProps } from 'antd';
import type { Key, ReactNode } from 'react';
import { useNarrow } from '../hooks/use-narrow.ts';
import { CardList } from './card-list.tsx';

type Column<T> = TableColumnType<T> & { key: string };

interface Props<T> extends Omit<TableProps<T>, 'columns' | 'rowKey'> {
  columns: Column<T>[];
  rowKey: (row: T) => Key;
  /** The column whose cell heads each card (a unit's or a round's name). */
  cardTitle: string;
  /** Columns shown at the card's right, always in view: the row's action (去处理). */
  cardExtra?: string;
  /** Columns left out of the cards (already in the title, or of no use on a phone). */
  cardHidden?: string[];
  /** Width in px below which rows become cards; the phone breakpoint when absent. */
  narrowWidth?: number;
}

function cell<T>(column: Column<T>, row: T, index: number): ReactNode {
  const raw =
    column.dataIndex === undefined
      ? undefined
      : (row as Record<string, unknown>)[String(column.dataIndex)];
  if (column.render) return column.render(raw, row, index) as ReactNode;
  return raw === null || raw === undefined ? '' : String(raw);
}

/**
 * An antd Table on wide screens, the same rows as a CardList on a phone: every column becomes a
 * labelled line of the card, `cardTitle` its heading and `cardExtra` its action on the right.
 */
export function ResponsiveTable<T extends object>({
  columns,
  rowKey,
  cardTitle,
  cardExtra,
  cardHidden = [],
  narrowWidth,
  ...table
}: Props<T>) {
  const narrow = useNarrow(narrowWidth);
  if (!narrow) return <Table<T> {...table} columns={columns} rowKey={rowKey} />;
  const rows = [...(table.dataSource ?? [])];
  const index = new Map(rows.map((row, i) => [row, i]));
  const titleColumn = columns.find((c) => c.key === cardTitle);
  const extraColumn = cardExtra ? columns.find((c) => c.key === cardExtra) : undefined;
  const rest = columns.filter(
    (c) => c.key !== cardTitle && c.key !== cardExtra && !cardHidden.includes(c.key),
  );
  const empty = table.locale?.emptyText;
  return (
    <CardList<T>
      className={table.className}
      items={rows}
      rowKey={rowKey}
      title={(row) => (titleColumn ? cell(titleColumn, row, index.get(row) ?? 0) : null)}
      extra={extraColumn ? (row) => cell(extraColumn, row, index.get(row) ?? 0) : undefined}
      itemClassName={
        typeof table.rowClassName === 'function'
          ? (row) => (table.rowClassName as (r: T, i: number) => string)(row, index.get(row) ?? 0)
          : undefined
      }
      fields={(row) =>
        rest.map((c) => ({
          key: c.key,
          label: c.title as ReactNode,
          value: cell(c, row, index.get(row) ?? 0),
        }))
      }
      empty={typeof empty === 'function' ? empty() : empty}
    />
  );
}
