import { apiGet } from './client.ts';
import type { Answer } from './types.ts';

/** 全县概览: the county this month (GET /dashboard), as the server declares it. */
export type Dashboard = Answer<'/api/v1/dashboard', 'get'>;

export function countyDashboard(period: string | undefined, signal?: AbortSignal) {
  return apiGet<Dashboard>('/dashboard', { query: period ? { period } : {}, signal });
}
