/** Response schemas of the points, star-household and points-market endpoints (DESIGN §10). */
import { z } from 'zod';

export const RecordEvidenceView = z.object({
  recordId: z.number(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
});

export const ClassRuleView = z.object({
  organizer: z.number().optional(),
  unit: z.number().optional(),
  rule: z.discriminatedUnion('mode', [
    z.object({
      mode: z.literal('thresholds'),
      vanguardAtLeast: z.number(),
      improveBelow: z.number(),
    }),
    z.object({ mode: z.literal('quotas'), vanguardShare: z.number(), improveShare: z.number() }),
  ]),
});

const StarResultsView = z.record(z.string(), z.enum(['pass', 'fail']));

export const StarView = z.object({
  id: z.number(),
  organizerUnitId: z.number(),
  name: z.string(),
  criteria: z.string(),
  active: z.boolean(),
});

export const HouseholdView = z.object({
  id: z.number(),
  unitId: z.number(),
  /** 户主 */
  headName: z.string(),
  /** 村民小组 */
  groupName: z.string().nullable(),
  size: z.number().nullable(),
  /** After a revocation: no claim before this date. */
  barredUntil: z.string().nullable(),
});

export const ClaimView = z.object({
  id: z.number(),
  householdId: z.number(),
  year: z.number(),
  stars: z.array(z.number()),
  /** claimed → reviewed (村民评议) → checked (村委会审核) → filed (乡镇备案); rejected; revoked. */
  stage: z.enum(['claimed', 'reviewed', 'checked', 'filed', 'rejected', 'revoked']),
  results: StarResultsView.nullable(),
  /** Stars passed at the last step (0 when rejected or revoked). */
  awarded: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ClaimStepView = z.object({
  id: z.number(),
  claimId: z.number(),
  step: z.enum(['claim', 'villagers', 'committee', 'filing', 'yearly_review', 'revoke']),
  results: StarResultsView.nullable(),
  note: z.string().nullable(),
  userId: z.number().nullable(),
  at: z.string(),
});

export const HouseholdListView = z.object({
  items: z.array(HouseholdView.extend({ latest: ClaimView.nullable() })),
  total: z.number(),
});

export const HouseholdDetailView = z.object({
  household: HouseholdView,
  stars: z.array(StarView),
  claims: z.array(ClaimView.extend({ steps: z.array(ClaimStepView) })),
});

export const RevokeView = z.object({ household: HouseholdView, claim: ClaimView });

export const MarketItemView = z.object({
  id: z.number(),
  unitId: z.number(),
  name: z.string(),
  cost: z.number(),
  stock: z.number(),
  active: z.boolean(),
});

export const RedemptionView = z.object({
  id: z.number(),
  memberId: z.number(),
  itemId: z.number(),
  quantity: z.number(),
  points: z.number(),
  redeemedOn: z.string(),
  recordedBy: z.number().nullable(),
  createdAt: z.string(),
});

export const RedeemView = z.object({
  redemption: RedemptionView,
  balance: z.number(),
  stock: z.number(),
});

export const BalanceView = z.object({
  memberId: z.number(),
  /** Every point counted, all years (after caps). */
  earned: z.number(),
  spent: z.number(),
  balance: z.number(),
  redemptions: z.array(RedemptionView),
});
