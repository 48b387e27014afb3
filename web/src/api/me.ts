import { apiGet } from './client.ts';
import type { RoundState } from './contests.ts';
import type { Page } from './units.ts';

export interface Position {
  contest: { id: number; title: string; category: string; cadence: string };
  latest: {
    roundId: number;
    period: string;
    periodLabel: string;
    total: number;
    rank: number;
    group: string;
    flag: 'red' | 'yellow' | null;
    rankChange: number | null;
  } | null;
  history: { period: string; rank: number; total: number; flag: 'red' | 'yellow' | null }[];
}

export function myPositions(signal?: AbortSignal): Promise<Page<Position>> {
  return apiGet<Page<Position>>('/me/positions', { signal });
}

export type TaskKind = 'report' | 'score' | 'appeals' | 'advance';

export interface Task {
  task: TaskKind;
  round: {
    id: number;
    period: string;
    periodLabel: string;
    state: RoundState;
    stateName: string;
    deadline: string | null;
  };
  contest: { id: number; title: string; category: string };
  indicators: string[];
  pendingAppeals: number;
}

export function myTasks(signal?: AbortSignal): Promise<Page<Task>> {
  return apiGet<Page<Task>>('/me/tasks', { signal });
}

export interface FlagTally {
  unit: { id: number; code: string; name: string };
  red: number;
  yellow: number;
  contests: { id: number; title: string; category: string; red: number; yellow: number }[];
}

export function flagTallies(
  query: { year?: number; contest?: number; unit?: string },
  signal?: AbortSignal,
): Promise<Page<FlagTally>> {
  return apiGet<Page<FlagTally>>('/flags', { query: { ...query }, signal });
}
