import { forwardRef, useImperativeHandle, useRef, useState } from 'react';

export interface YamlEditorHandle {
  /** Focuses the editor and selects one line (1-based). */
  goToLine: (line: number) => void;
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** Lines to mark as having a problem. */
  problemLines: Set<number>;
  label: string;
  readOnly?: boolean;
}

/** A plain textarea with line numbers: light, and every key works as in any text field. */
export const YamlEditor = forwardRef<YamlEditorHandle, Props>(function YamlEditor(
  { value, onChange, problemLines, label, readOnly },
  ref,
) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const lines = value.split('\n').length;

  useImperativeHandle(ref, () => ({
    goToLine(line: number) {
      const textarea = area.current;
      if (!textarea) return;
      const rows = value.split('\n');
      const start = rows.slice(0, line - 1).reduce((n, row) => n + row.length + 1, 0);
      const end = start + (rows[line - 1]?.length ?? 0);
      textarea.focus();
      textarea.setSelectionRange(start, end);
      const lineHeight = 20;
      textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
    },
  }));

  return (
    <div className="yaml-editor">
      <div className="yaml-gutter" ref={gutter} aria-hidden>
        <div style={{ transform: `translateY(${-scrollTop}px)` }}>
          {Array.from({ length: lines }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a line number is its own identity
            <div key={i} className={problemLines.has(i + 1) ? 'yaml-line problem' : 'yaml-line'}>
              {i + 1}
            </div>
          ))}
        </div>
      </div>
      <textarea
        ref={area}
        className="yaml-text"
        aria-label={label}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        readOnly={readOnly}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      />
    </div>
  );
});
