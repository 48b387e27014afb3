/** Response schemas of the points routes (what the API presents; OpenAPI and the web's types come from them). */
import { z } from 'zod';

export const ListBranchesView = z.array(
  z.object({
    access: z.object({
      read: z.boolean(),
      record: z.boolean(),
      review: z.boolean(),
      manage: z.boolean(),
    }),
    unitName: z.string(),
    unitCode: z.string(),
    id: z.number(),
    unitId: z.number(),
    name: z.string(),
  }),
);

export const CreateBranchView = z.object({ id: z.number(), unitId: z.number(), name: z.string() });

export const AssignBranchUserView = z.object({
  branch: z.number(),
  user: z.string(),
  role: z.enum(['recorder', 'reviewer']),
});

export const BranchMembersView = z.array(
  z.object({
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
  }),
);

export const AddMemberView = z.object({
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
});

export const BranchRulesView = z.array(
  z.object({
    id: z.number(),
    organizerUnitId: z.number(),
    category: z.string(),
    item: z.string(),
    points: z.number(),
    itemCap: z.number().nullable(),
    categoryCap: z.number().nullable(),
    active: z.boolean(),
  }),
);

export const ReviewQueueView = z.array(
  z.object({
    memberName: z.string(),
    category: z.string(),
    item: z.string(),
    id: z.number(),
    memberId: z.number(),
    branchId: z.number(),
    ruleId: z.number(),
    points: z.number(),
    occurredOn: z.string(),
    note: z.string().nullable(),
    hasEvidence: z.boolean(),
    status: z.enum(['pending', 'approved', 'rejected']),
    revision: z.boolean(),
    recordedBy: z.number().nullable(),
    reviewedBy: z.number().nullable(),
    reviewedAt: z.string().nullable(),
    reviewNote: z.string().nullable(),
    createdAt: z.string(),
  }),
);

export const MemberStatementView = z.object({
  member: z.object({
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
  }),
  branch: z.object({ id: z.number(), unitId: z.number(), name: z.string() }),
  year: z.number(),
  total: z.number(),
  lines: z.array(
    z.object({
      category: z.string(),
      item: z.string(),
      counted: z.number(),
      clampedBy: z.enum(['item', 'category']).nullable(),
      disputes: z.array(
        z.object({
          id: z.number(),
          recordId: z.number(),
          reason: z.string(),
          status: z.enum(['upheld', 'open', 'dismissed']),
          answer: z.string().nullable(),
          filedBy: z.number().nullable(),
          answeredBy: z.number().nullable(),
          filedAt: z.string(),
          answeredAt: z.string().nullable(),
        }),
      ),
      id: z.number(),
      memberId: z.number(),
      branchId: z.number(),
      ruleId: z.number(),
      points: z.number(),
      occurredOn: z.string(),
      note: z.string().nullable(),
      hasEvidence: z.boolean(),
      status: z.enum(['pending', 'approved', 'rejected']),
      revision: z.boolean(),
      recordedBy: z.number().nullable(),
      reviewedBy: z.number().nullable(),
      reviewedAt: z.string().nullable(),
      reviewNote: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const CreateRuleView = z.object({
  id: z.number(),
  organizerUnitId: z.number(),
  category: z.string(),
  item: z.string(),
  points: z.number(),
  itemCap: z.number().nullable(),
  categoryCap: z.number().nullable(),
  active: z.boolean(),
});

export const CreateRecordView = z.object({
  id: z.number(),
  memberId: z.number(),
  branchId: z.number(),
  ruleId: z.number(),
  points: z.number(),
  occurredOn: z.string(),
  note: z.string().nullable(),
  hasEvidence: z.boolean(),
  status: z.enum(['pending', 'approved', 'rejected']),
  revision: z.boolean(),
  recordedBy: z.number().nullable(),
  reviewedBy: z.number().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  createdAt: z.string(),
});

export const FileDisputeView = z.object({
  id: z.number(),
  recordId: z.number(),
  reason: z.string(),
  status: z.enum(['upheld', 'open', 'dismissed']),
  answer: z.string().nullable(),
  filedBy: z.number().nullable(),
  answeredBy: z.number().nullable(),
  filedAt: z.string(),
  answeredAt: z.string().nullable(),
});

export const SetQuarterView = z.object({
  organizer: z.number(),
  quarter: z.string(),
  state: z.enum(['notice', 'frozen']),
});

export const LeaderboardView = z.object({
  scope: z.object({ id: z.number(), code: z.string(), name: z.string() }),
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
      pointsClass: z.enum(['vanguard', 'qualified', 'improve']).nullable(),
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
      pointsClass: z.enum(['vanguard', 'qualified', 'improve']).nullable(),
    }),
  ),
});
