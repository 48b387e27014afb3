import { lazy } from 'react';

/** `<LazyChart option={…} ariaLabel="…" />` inside a Suspense: loads ECharts on first use. */
export const LazyChart = lazy(() => import('./chart.tsx'));
