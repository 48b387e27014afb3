/** Response schemas of the points, star-household and points-market routes (DESIGN §10): what the API presents; OpenAPI and the web's types come from them. */
import { z } from 'zod';
import { UnitBrief } from './views.ts';

const BranchBrief = z
  .object({ id: z.number(), unitId: z.number(), name: z.string() })
  .meta({ id: 'BranchBrief' });

/** What the reader may do in a branch (policies/points.ts); the web shows its actions from it. */
const BranchMay = z
  .object({
    read: z.boolean(),
    /** The branch's recorder (clerk): records points, attaches evidence. */
    record: z.boolean(),
    /** The branch's reviewer (secretary): reviews records (never its own or about itself). */
    review: z.boolean(),
    /** The town or county above: names the branch's people, files star households. */
    manage: z.boolean(),
    /** Keeps the registers: members, transfers, the market, households and claims, disputes. */
    keep: z.boolean(),
    /** Answers disputes, takes the village committee's step on star claims. */
    answer: z.boolean(),
  })
  .meta({ id: 'BranchMay' });

/** A party branch (党支部) with what the user may do there. */
export const BranchView = BranchBrief.extend({
  unitName: z.string(),
  unitCode: z.string(),
  may: BranchMay,
}).meta({ id: 'Branch' });

export const ListBranchesView = z.array(BranchView);

export const CreateBranchView = BranchBrief;

export const AssignBranchUserView = z.object({
  branch: z.number(),
  user: z.string(),
  role: z.enum(['recorder', 'reviewer']),
});

export const MemberView = z
  .object({
    id: z.number(),
    branchId: z.number(),
    name: z.string(),
    gender: z.string(),
    birthYear: z.number(),
    joinedOn: z.string(),
    status: z.enum(['active', 'transferred_out']),
    transferredInOn: z.string().nullable(),
    transferredOutOn: z.string().nullable(),
    userId: z.number().nullable(),
  })
  .meta({ id: 'Member' });

export const BranchMembersView = z.array(MemberView);

export const AddMemberView = MemberView;

export const RuleView = z
  .object({
    id: z.number(),
    organizerUnitId: z.number(),
    category: z.string(),
    item: z.string(),
    points: z.number(),
    itemCap: z.number().nullable(),
    categoryCap: z.number().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Rule' });

export const BranchRulesView = z.array(RuleView);

export const CreateRuleView = RuleView;

export const PointsRecordView = z
  .object({
    id: z.number(),
    memberId: z.number(),
    branchId: z.number(),
    ruleId: z.number(),
    points: z.number(),
    occurredOn: z.string(),
    note: z.string().nullable(),
    hasEvidence: z.boolean(),
    status: z.enum(['pending', 'approved', 'rejected']),
    /** Recorded after its quarter was frozen: a recorded revision. */
    revision: z.boolean(),
    recordedBy: z.number().nullable(),
    reviewedBy: z.number().nullable(),
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PointsRecord' });

export const CreateRecordView = PointsRecordView;

export const ReviewQueueView = z.array(
  PointsRecordView.extend({
    memberName: z.string(),
    category: z.string(),
    item: z.string(),
    /** review: the reader may decide it (the reviewer, not its recorder nor its member). */
    may: z.object({ review: z.boolean() }),
  }).meta({ id: 'QueueItem' }),
);

export const DisputeView = z
  .object({
    id: z.number(),
    recordId: z.number(),
    reason: z.string(),
    status: z.enum(['upheld', 'open', 'dismissed']),
    answer: z.string().nullable(),
    filedBy: z.number().nullable(),
    answeredBy: z.number().nullable(),
    filedAt: z.string(),
    answeredAt: z.string().nullable(),
  })
  .meta({ id: 'Dispute' });

export const FileDisputeView = DisputeView;

export const MemberStatementView = z.object({
  member: MemberView,
  branch: BranchBrief,
  year: z.number(),
  total: z.number(),
  lines: z.array(
    PointsRecordView.extend({
      category: z.string(),
      item: z.string(),
      /** What the record counts after the yearly caps; 0 unless approved. */
      counted: z.number(),
      clampedBy: z.enum(['item', 'category']).nullable(),
      disputes: z.array(
        /** answer: the reader may answer it (open; the secretary or town, not its filer). */
        DisputeView.extend({ may: z.object({ answer: z.boolean() }) }),
      ),
    }).meta({ id: 'StatementLine' }),
  ),
  /** dispute: the reader may file a dispute on the member's records (the member, the branch). */
  may: z.object({ dispute: z.boolean() }),
});

export const SetQuarterView = z.object({
  organizer: z.number(),
  quarter: z.string(),
  state: z.enum(['notice', 'frozen']),
});

const PointsClass = z.enum(['vanguard', 'qualified', 'improve']).meta({ id: 'PointsClass' });

export const LeaderboardView = z.object({
  scope: UnitBrief,
  period: z.string(),
  total: z.number(),
  rows: z.array(
    z.object({
      rank: z.number(),
      memberId: z.number(),
      name: z.string(),
      branchId: z.number(),
      branchName: z.string(),
      total: z.number(),
      awarded: z.number(),
      deducted: z.number(),
      pointsClass: PointsClass.nullable(),
    }),
  ),
});

export const PublicLeaderboardView = z.object({
  scope: z.object({ code: z.string(), name: z.string() }),
  period: z.string(),
  rows: z.array(
    z.object({
      rank: z.number(),
      name: z.string(),
      branch: z.string(),
      total: z.number(),
      pointsClass: PointsClass.nullable(),
    }),
  ),
});

// Star households, the points market, record evidence and class rules.

export const RecordEvidenceView = z.object({
  recordId: z.number(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
});

export const ClassRuleView = z
  .object({
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
  })
  .meta({ id: 'ClassRule' });

const StarResultsView = z.record(z.string(), z.enum(['pass', 'fail']));

export const StarView = z
  .object({
    id: z.number(),
    organizerUnitId: z.number(),
    name: z.string(),
    criteria: z.string(),
    active: z.boolean(),
  })
  .meta({ id: 'Star' });

export const HouseholdView = z
  .object({
    id: z.number(),
    unitId: z.number(),
    /** 户主 */
    headName: z.string(),
    /** 村民小组 */
    groupName: z.string().nullable(),
    size: z.number().nullable(),
    /** After a revocation: no claim before this date. */
    barredUntil: z.string().nullable(),
  })
  .meta({ id: 'Household' });

export const ClaimView = z
  .object({
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
  })
  .meta({ id: 'Claim' });

export const ClaimStepView = z
  .object({
    id: z.number(),
    claimId: z.number(),
    step: z.enum(['claim', 'villagers', 'committee', 'filing', 'yearly_review', 'revoke']),
    results: StarResultsView.nullable(),
    note: z.string().nullable(),
    userId: z.number().nullable(),
    at: z.string(),
  })
  .meta({ id: 'ClaimStep' });

export const HouseholdListView = z.object({
  items: z.array(HouseholdView.extend({ latest: ClaimView.nullable() })),
  total: z.number(),
});

export const HouseholdDetailView = z.object({
  household: HouseholdView,
  stars: z.array(StarView),
  claims: z.array(
    ClaimView.extend({
      steps: z.array(ClaimStepView),
      /** next: the reader may take the claim's next step now (policies/points.ts). */
      may: z.object({ next: z.boolean() }),
    }),
  ),
  /** What the reader may do (policies/points.ts): claim stars; file, review yearly, revoke (the town). */
  may: z.object({ claim: z.boolean(), file: z.boolean() }),
});

export const RevokeView = z.object({ household: HouseholdView, claim: ClaimView });

export const MarketItemView = z
  .object({
    id: z.number(),
    unitId: z.number(),
    name: z.string(),
    cost: z.number(),
    stock: z.number(),
    active: z.boolean(),
  })
  .meta({ id: 'MarketItem' });

export const RedemptionView = z
  .object({
    id: z.number(),
    memberId: z.number(),
    itemId: z.number(),
    quantity: z.number(),
    points: z.number(),
    redeemedOn: z.string(),
    recordedBy: z.number().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Redemption' });

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
