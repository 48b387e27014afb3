// A build plugin that prints what a browser downloads first (gzip) for the app and for the
// public pages, against the public budget (issue 8: ≤ 400 KB). Lazy chunks a page pulls in only
// later (ECharts when a chart scrolls into view) are not part of its first load.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const BUDGET_KB = 400;

interface Chunk {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
  source?: string | Uint8Array;
  isEntry?: boolean;
  imports?: string[];
  facadeModuleId?: string | null;
  moduleIds?: string[];
  viteMetadata?: { importedCss?: Set<string> };
}

export function firstLoadReport(pages: Record<string, RegExp[]>): Plugin {
  return {
    name: 'leitai-first-load-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, Chunk>;
      const gz = new Map<string, number>();
      const size = (name: string) => {
        if (!gz.has(name)) {
          const f = files[name]!;
          const body = f.type === 'chunk' ? f.code! : f.source!;
          gz.set(name, gzipSync(typeof body === 'string' ? Buffer.from(body) : body).length);
        }
        return gz.get(name)!;
      };
      // A chunk with everything it imports statically, and the CSS they bring.
      const closure = (start: string[], into = new Set<string>()) => {
        for (const name of start) {
          if (into.has(name) || !files[name]) continue;
          into.add(name);
          const f = files[name]!;
          for (const css of f.viteMetadata?.importedCss ?? []) into.add(css);
          closure(f.imports ?? [], into);
        }
        return into;
      };
      const entry = Object.values(files).find((f) => f.type === 'chunk' && f.isEntry)!;
      const shell = closure([entry.fileName]);
      const kb = (set: Set<string>) => [...set].reduce((n, f) => n + size(f), 0) / 1024;
      const lines = [`  app shell (every page): ${kb(shell).toFixed(1)} KB gzip`];
      for (const [label, patterns] of Object.entries(pages)) {
        const roots = Object.values(files)
          .filter(
            (f) =>
              f.type === 'chunk' &&
              patterns.some((p) => (f.moduleIds ?? []).some((id) => p.test(id))),
          )
          .map((f) => f.fileName);
        const total = kb(closure(roots, new Set(shell)));
        lines.push(
          `  ${label}: ${total.toFixed(1)} KB gzip${total > BUDGET_KB ? `  OVER the ${BUDGET_KB} KB budget` : ''}`,
        );
      }
      console.log(
        `\nFirst load (budget for public pages: ${BUDGET_KB} KB gzip):\n${lines.join('\n')}\n`,
      );
    },
  };
}
