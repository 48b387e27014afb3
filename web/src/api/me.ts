import { apiGet } from './client.ts';
import type { Answer, ItemOf, Schema } from './types.ts';
import type { Page } from './units.ts';

export type Position = ItemOf<Answer<'/api/v1/me/positions', 'get'>>;

export function myPositions(signal?: AbortSignal): Promise<Page<Position>> {
  return apiGet<Page<Position>>('/me/positions', { signal });
}

export type Task = ItemOf<Answer<'/api/v1/me/tasks', 'get'>>;
export type TaskKind = Task['task'];

export function myTasks(signal?: AbortSignal): Promise<Page<Task>> {
  return apiGet<Page<Task>>('/me/tasks', { signal });
}

export type FlagTally = Schema<'FlagTally'>;

export function flagTallies(
  query: { year?: number; contest?: number; unit?: string },
  signal?: AbortSignal,
): Promise<Page<FlagTally>> {
  return apiGet<Page<FlagTally>>('/flags', { query: { ...query }, signal });
}
