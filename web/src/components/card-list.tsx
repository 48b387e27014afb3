import type { Key, ReactNode } from 'react';

/** One labelled value on a card: 总分 86.50, 红旗 …. */
export interface CardField {
  key: string;
  label: ReactNode;
  value: ReactNode;
  /** Takes the card's whole width (a long label such as an indicator's name). */
  wide?: boolean;
}

interface Props<T> {
  items: readonly T[];
  rowKey: (item: T) => Key;
  /** The card's heading (a unit's name, a round's title). */
  title: (item: T) => ReactNode;
  /** Beside the heading: a rank badge, a state tag. */
  lead?: (item: T) => ReactNode;
  /** Right of the heading: the action button (去处理) stays in view. */
  extra?: (item: T) => ReactNode;
  fields: (item: T) => CardField[];
  /** Below the fields: notes, a list of indicators. */
  footer?: (item: T) => ReactNode;
  className?: string;
  itemClassName?: (item: T) => string;
  empty?: ReactNode;
  label?: string;
}

/**
 * A table's rows as cards, one under the other: what a wide table becomes on a 390 px phone
 * (see ResponsiveTable), so nothing scrolls sideways and every row's action stays visible.
 */
export function CardList<T>({
  items,
  rowKey,
  title,
  lead,
  extra,
  fields,
  footer,
  className,
  itemClassName,
  empty,
  label,
}: Props<T>) {
  if (items.length === 0) return <div className="card-list-empty muted">{empty}</div>;
  return (
    <ul className={['card-list', className].filter(Boolean).join(' ')} aria-label={label}>
      {items.map((item) => {
        const shown = fields(item).filter((f) => f.value !== null && f.value !== undefined);
        const action = extra?.(item);
        const below = footer?.(item);
        return (
          <li
            key={rowKey(item)}
            className={['card-list-item', itemClassName?.(item)].filter(Boolean).join(' ')}
          >
            <div className="card-list-head">
              {lead ? <span className="card-list-lead">{lead(item)}</span> : null}
              <span className="card-list-title">{title(item)}</span>
              {action ? <span className="card-list-extra">{action}</span> : null}
            </div>
            {shown.length ? (
              <dl className="card-list-fields">
                {shown.map((f) => (
                  <div key={f.key} className={f.wide ? 'card-list-field wide' : 'card-list-field'}>
                    <dt>{f.label}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {below ? <div className="card-list-foot">{below}</div> : null}
          </li>
        );
      })}
    </ul>
  );
}
