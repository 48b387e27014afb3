import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUnits, type Unit, type UnitKind } from '../api/units.ts';
import { useRequest } from '../api/use-request.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';

interface Props {
  /** A unit code. */
  value?: string | undefined;
  onChange?: (code: string | undefined, unit?: Unit) => void;
  placeholder?: string;
  kind?: UnitKind;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
  /** How the chosen unit reads before any search: its name, when the caller knows it. */
  initialLabel?: string;
  'aria-label'?: string;
}

/** Finds a unit by name or code (GET /units?q=) and gives its code. */
export function UnitPicker({
  value,
  onChange,
  placeholder,
  kind,
  allowClear = true,
  id,
  style,
  initialLabel,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 250);
  const found = useRequest(query ? `units:${query}:${kind ?? ''}` : null, (signal) =>
    listUnits({ q: query, limit: 20, ...(kind ? { kind } : {}) }, signal),
  );
  const [chosen, setChosen] = useState<Unit | undefined>();
  const options = useMemo(() => {
    const items = found.data?.items ?? [];
    const list = items.map((unit) => ({
      value: unit.code,
      label: `${unit.name}（${unit.code}）`,
      unit,
    }));
    if (value && !list.some((o) => o.value === value)) {
      const label =
        chosen?.code === value
          ? `${chosen.name}（${chosen.code}）`
          : initialLabel
            ? `${initialLabel}（${value}）`
            : value;
      list.unshift({ value, label, unit: chosen ?? (undefined as unknown as Unit) });
    }
    return list;
  }, [found.data, value, chosen, initialLabel]);

  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      value={value}
      allowClear={allowClear}
      placeholder={placeholder ?? t('common.unitPlaceholder')}
      style={{ minWidth: 220, ...style }}
      notFoundContent={
        found.loading ? (
          <Spin size="small" />
        ) : query ? (
          t('common.noUnit')
        ) : (
          t('common.typeToSearch')
        )
      }
      options={options.map(({ value: code, label }) => ({ value: code, label }))}
      onChange={(code: string | undefined) => {
        const unit = options.find((o) => o.value === code)?.unit;
        setChosen(unit);
        setText('');
        onChange?.(code, unit);
      }}
    />
  );
}
