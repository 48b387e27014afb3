// The text a new contest's rubric starts from: every method of DESIGN §3 once, with Chinese notes.
export const RUBRIC_TEMPLATE = `# 评分标准（YAML 格式）。以 # 开头的是说明，不影响计分。
title: 基层党建擂台赛·组织建设
precision: 2            # 得分保留的小数位数
ranking: competition    # 排名方式：competition 并列占位（1,2,2,4）；dense 并列不占位（1,2,2,3）
indicators:
  # method（计分方法）：manual 人工评分、target 目标值法、relative 比较法、range 极差法、rank 名次法、bands 分档计分
  - { code: A1, name: 村级活动场所标准化, points: 20, method: manual }
  - { code: A2, name: 集体经济收入超10万元村占比, points: 30, method: target, target: 0.8 }
  - { code: A3, name: 后备干部人数, points: 20, method: relative }
  - { code: A4, name: 党员教育覆盖率, points: 30, method: bands, bands: [[0.95, 30], [0.9, 24], [0.8, 15]] }
  # kind：deduction 扣分项、bonus 加分项（每项 per 分，最多 cap 分）；veto 一票否决
  - { code: B1, name: 环境整治问题, kind: deduction, per: 2, cap: 10 }
  - { code: B2, name: 创新工作获上级肯定, kind: bonus, per: 1, cap: 5 }
  - { code: V1, name: 发生重大安全事故, kind: veto }
flags:
  red: { top: 3 }       # 红旗：各组前 3 名（也可用 topPercent 百分比、minScore 最低分）
  yellow: { bottom: 2 } # 黄旗：各组后 2 名（也可用 bottomPercent、below 低于某分）
`;
