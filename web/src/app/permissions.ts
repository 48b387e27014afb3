import { getUnit } from '../api/units.ts';
import { useRequest } from '../api/use-request.ts';
import { hasRole, useSession } from './session.tsx';

/**
 * Whether the signed-in user runs contests of this organizer unit: an admin or organizer whose
 * unit is the organizer or one of its ancestors (DESIGN §1). The server decides; this only
 * chooses which buttons to show.
 */
export function useMayManage(organizerCode: string | undefined): boolean {
  const { session } = useSession();
  const manager = hasRole(session, 'admin', 'organizer');
  const own = !!session && session.unit.code === organizerCode;
  const organizer = useRequest(
    manager && !own && organizerCode ? `unit:${organizerCode}` : null,
    (signal) => getUnit(organizerCode ?? '', signal),
  );
  if (!manager || !session || !organizerCode) return false;
  if (own) return true;
  return (organizer.data?.path ?? []).some((unit) => unit.id === session.unit.id);
}

/** Indicators whose lead office is the user's unit (evaluators only): it scores them. */
export function useLeadIndicators(
  indicatorCodes: string[],
  evaluators: Record<string, { id: number }> | undefined,
  organizerId: number | undefined,
): Set<string> {
  const { session } = useSession();
  if (!session || !hasRole(session, 'evaluator')) return new Set();
  return new Set(
    indicatorCodes.filter((code) => (evaluators?.[code]?.id ?? organizerId) === session.unit.id),
  );
}
