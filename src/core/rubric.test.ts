import { describe, expect, it } from 'vitest';
import { formatRubricProblem, parseRubric, validateRubric } from './rubric.ts';

/** The rubric of DESIGN §3, verbatim: it must be accepted. */
const DESIGN_RUBRIC = `title: 基层党建重点任务擂台赛·组织建设
precision: 2              # decimals of every score and total (default 2)
ranking: competition      # competition 1,2,2,4 (default) | dense 1,2,2,3
tieBreak: [A1, A2]        # optional: on equal totals compare these indicators' scores in order
indicators:
  - { code: A1, name: 村级活动场所标准化, points: 20, method: manual }
  - { code: A2, name: 集体经济收入超10万元村占比, points: 30, method: target, target: 0.8 }
  - { code: A3, name: 后备干部人数, points: 20, method: relative }
  - { code: A4, name: 发展党员质量, points: 10, method: rank, step: 1, floor: 0 }
  - { code: A5, name: 群众满意度, points: 20, method: range }
  - { code: A6, name: 信访件数, points: 10, method: relative, better: lower }
  - { code: A7, name: 党员教育覆盖率, points: 10, method: bands, bands: [[0.95, 10], [0.9, 8], [0.8, 5]] }
  - { code: B1, name: 环境整治问题, kind: deduction, per: 2, cap: 10 }
  - { code: B2, name: 创新工作获上级肯定, kind: bonus, per: 1, cap: 5 }
  - { code: V1, name: 发生重大安全事故, kind: veto }
flags:
  red: { top: 1 }                    # or topPercent: 20, and/or minScore: 90 (all given must hold)
  yellow: { bottom: 1, below: 60 }   # or bottomPercent; and/or below
`;

describe('parseRubric accepts §3', () => {
  it('reads the rubric of DESIGN §3 with its defaults', () => {
    const parsed = parseRubric(DESIGN_RUBRIC);
    if (!parsed.ok) throw new Error(parsed.problems.map(formatRubricProblem).join('\n'));
    const r = parsed.rubric;
    expect(r.precision).toBe(2);
    expect(r.ranking).toBe('competition');
    expect(r.tieBreak).toEqual(['A1', 'A2']);
    expect(r.indicators).toHaveLength(10);
    expect(r.indicators[0]).toEqual({
      kind: 'scored',
      code: 'A1',
      name: '村级活动场所标准化',
      points: 20,
      method: 'manual',
      better: 'higher',
    });
    expect(r.indicators[5]).toMatchObject({ method: 'relative', better: 'lower' });
    expect(r.indicators[7]).toEqual({
      kind: 'deduction',
      code: 'B1',
      name: '环境整治问题',
      per: 2,
      cap: 10,
    });
    expect(r.indicators[8]).toEqual({
      kind: 'bonus',
      code: 'B2',
      name: '创新工作获上级肯定',
      per: 1,
      cap: 5,
    });
    expect(r.indicators[9]).toEqual({ kind: 'veto', code: 'V1', name: '发生重大安全事故' });
    expect(r.flags).toEqual({ red: { top: 1 }, yellow: { bottom: 1, below: 60 } });
  });

  it('fills defaults: precision 2, competition, no tieBreak, no flags, rank floor 0', () => {
    const parsed = parseRubric(
      'title: t\nindicators:\n  - { code: A1, name: a, points: 10, method: rank, step: 2 }\n',
    );
    expect(parsed).toEqual({
      ok: true,
      rubric: {
        title: 't',
        precision: 2,
        ranking: 'competition',
        tieBreak: [],
        flags: {},
        indicators: [
          {
            kind: 'scored',
            code: 'A1',
            name: 'a',
            points: 10,
            method: 'rank',
            better: 'higher',
            step: 2,
            floor: 0,
          },
        ],
      },
    });
  });

  it('reads the same rubric written as JSON, and a validated rubric validates again', () => {
    const yaml = parseRubric(DESIGN_RUBRIC);
    if (!yaml.ok) throw new Error('unreachable');
    const json = parseRubric(JSON.stringify(yaml.rubric, null, 2), 'json');
    expect(json).toEqual(yaml);
    expect(validateRubric(JSON.parse(JSON.stringify(yaml.rubric)))).toEqual(yaml);
  });

  it('accepts explicit kind: scored, lower bands ascending, percent and minScore flags', () => {
    const parsed = parseRubric(`title: t
indicators:
  - { code: A1, name: a, kind: scored, points: 10, method: bands, better: lower, bands: [[1, 10], [3, 6]] }
flags:
  red: { topPercent: 20, minScore: 90 }
  yellow: { bottomPercent: 10 }
`);
    expect(parsed.ok).toBe(true);
  });

  it('reads flags.minGroup (absent: no minimum)', () => {
    const parsed = parseRubric(
      rubricWith(['indicators:', ok, 'flags:', '  minGroup: 3', '  red: { top: 1 }']),
    );
    expect(parsed.ok && parsed.rubric.flags).toEqual({ minGroup: 3, red: { top: 1 } });
    const none = parseRubric(rubricWith(['indicators:', ok, 'flags:', '  red: { top: 1 }']));
    expect(none.ok && none.rubric.flags.minGroup).toBeUndefined();
  });
});

/** A minimal valid rubric; each case below breaks one rule on a known line. */
function rubricWith(lines: string[]): string {
  return ['title: 测试', ...lines].join('\n');
}
const ok = '  - { code: A1, name: a, points: 10, method: manual }';

describe('parseRubric refuses every violation, naming the line and the field', () => {
  // yaml lines (line 1 is `title`), then the problem expected: line, field, code.
  const cases: [string, string[], number | undefined, string, string][] = [
    [
      'unknown method',
      ['indicators:', '  - { code: A1, name: a, points: 10, method: best }'],
      3,
      'indicators[0].method',
      'UNKNOWN_METHOD',
    ],
    [
      'points = 0',
      ['indicators:', '  - { code: A1, name: a, points: 0, method: manual }'],
      3,
      'indicators[0].points',
      'OUT_OF_RANGE',
    ],
    [
      'points < 0',
      ['indicators:', ok, '  - code: A2', '    name: b', '    points: -5', '    method: manual'],
      6,
      'indicators[1].points',
      'OUT_OF_RANGE',
    ],
    [
      'points not a number',
      ['indicators:', '  - { code: A1, name: a, points: "10", method: manual }'],
      3,
      'indicators[0].points',
      'NOT_A_NUMBER',
    ],
    [
      'points missing',
      ['indicators:', ok, '  - code: A2', '    name: b', '    method: manual'],
      4,
      'indicators[1].points',
      'REQUIRED',
    ],
    [
      'method missing',
      ['indicators:', '  - { code: A1, name: a, points: 10 }'],
      3,
      'indicators[0].method',
      'REQUIRED',
    ],
    [
      'duplicate code',
      ['indicators:', ok, '  - { code: A1, name: b, points: 5, method: manual }'],
      4,
      'indicators[1].code',
      'DUPLICATE_CODE',
    ],
    [
      'duplicate code in another case',
      ['indicators:', ok, '  - { code: a1, name: b, points: 5, method: manual }'],
      4,
      'indicators[1].code',
      'DUPLICATE_CODE',
    ],
    [
      'code missing',
      ['indicators:', '  - { name: a, points: 10, method: manual }'],
      3,
      'indicators[0].code',
      'REQUIRED',
    ],
    [
      'numeric code',
      ['indicators:', '  - { code: 1, name: a, points: 10, method: manual }'],
      3,
      'indicators[0].code',
      'NOT_TEXT',
    ],
    [
      'code with a space',
      ['indicators:', '  - { code: "A 1", name: a, points: 10, method: manual }'],
      3,
      'indicators[0].code',
      'BAD_CODE',
    ],
    [
      'code like a formula',
      ['indicators:', '  - { code: "=A1", name: a, points: 10, method: manual }'],
      3,
      'indicators[0].code',
      'BAD_CODE',
    ],
    [
      'code clashing with a header',
      ['indicators:', '  - { code: group, name: a, points: 10, method: manual }'],
      3,
      'indicators[0].code',
      'RESERVED_CODE',
    ],
    [
      'name missing',
      ['indicators:', '  - { code: A1, points: 10, method: manual }'],
      3,
      'indicators[0].name',
      'REQUIRED',
    ],
    [
      'bands not ordered',
      [
        'indicators:',
        '  - { code: A1, name: a, points: 10, method: bands, bands: [[0.8, 5], [0.9, 8]] }',
      ],
      3,
      'indicators[0].bands[1][0]',
      'BANDS_NOT_ORDERED',
    ],
    [
      'bands with equal thresholds',
      [
        'indicators:',
        '  - code: A1',
        '    name: a',
        '    points: 10',
        '    method: bands',
        '    bands:',
        '      - [0.9, 8]',
        '      - [0.9, 5]',
      ],
      9,
      'indicators[0].bands[1][0]',
      'BANDS_NOT_ORDERED',
    ],
    [
      'lower bands descending',
      [
        'indicators:',
        '  - { code: A1, name: a, points: 10, method: bands, better: lower, bands: [[3, 10], [1, 5]] }',
      ],
      3,
      'indicators[0].bands[1][0]',
      'BANDS_NOT_ORDERED',
    ],
    [
      'band score above P',
      [
        'indicators:',
        '  - code: A1',
        '    name: a',
        '    points: 10',
        '    method: bands',
        '    bands:',
        '      - [0.9, 12]',
      ],
      8,
      'indicators[0].bands[0][1]',
      'BAND_SCORE_OUT_OF_RANGE',
    ],
    [
      'band score below 0',
      ['indicators:', '  - { code: A1, name: a, points: 10, method: bands, bands: [[0.9, -1]] }'],
      3,
      'indicators[0].bands[0][1]',
      'BAND_SCORE_OUT_OF_RANGE',
    ],
    [
      'band not a pair',
      ['indicators:', '  - { code: A1, name: a, points: 10, method: bands, bands: [[0.9]] }'],
      3,
      'indicators[0].bands[0]',
      'BAD_BAND',
    ],
    [
      'bands missing',
      ['indicators:', '  - { code: A1, name: a, points: 10, method: bands }'],
      3,
      'indicators[0].bands',
      'REQUIRED',
    ],
    [
      'target missing',
      ['indicators:', '  - { code: A1, name: a, points: 10, method: target }'],
      3,
      'indicators[0].target',
      'REQUIRED',
    ],
    [
      'target = 0',
      ['indicators:', '  - { code: A1, name: a, points: 10, method: target, target: 0 }'],
      3,
      'indicators[0].target',
      'OUT_OF_RANGE',
    ],
    [
      'target < 0',
      ['indicators:', '  - { code: A1, name: a, points: 10, method: target, target: -1 }'],
      3,
      'indicators[0].target',
      'OUT_OF_RANGE',
    ],
    [
      'rank without step',
      ['indicators:', '  - { code: A1, name: a, points: 10, method: rank }'],
      3,
      'indicators[0].step',
      'REQUIRED',
    ],
    [
      'rank floor above P',
      ['indicators:', '  - { code: A1, name: a, points: 10, method: rank, step: 1, floor: 11 }'],
      3,
      'indicators[0].floor',
      'OUT_OF_RANGE',
    ],
    [
      'unknown better',
      ['indicators:', '  - { code: A1, name: a, points: 10, method: range, better: smaller }'],
      3,
      'indicators[0].better',
      'UNKNOWN_BETTER',
    ],
    [
      'better on manual',
      ['indicators:', '  - { code: A1, name: a, points: 10, method: manual, better: lower }'],
      3,
      'indicators[0].better',
      'LOWER_MANUAL',
    ],
    [
      'target on relative',
      ['indicators:', '  - { code: A1, name: a, points: 10, method: relative, target: 3 }'],
      3,
      'indicators[0].target',
      'UNKNOWN_FIELD',
    ],
    [
      'misspelt field',
      ['indicators:', '  - { code: A1, name: a, poinst: 10, points: 10, method: manual }'],
      3,
      'indicators[0].poinst',
      'UNKNOWN_FIELD',
    ],
    [
      'unknown kind',
      ['indicators:', '  - { code: A1, name: a, kind: penalty, per: 1 }'],
      3,
      'indicators[0].kind',
      'UNKNOWN_KIND',
    ],
    [
      'deduction without per',
      ['indicators:', '  - { code: B1, name: a, kind: deduction, cap: 5 }'],
      3,
      'indicators[0].per',
      'REQUIRED',
    ],
    [
      'bonus per = 0',
      ['indicators:', '  - { code: B1, name: a, kind: bonus, per: 0 }'],
      3,
      'indicators[0].per',
      'OUT_OF_RANGE',
    ],
    [
      'bonus cap < 0',
      ['indicators:', '  - { code: B1, name: a, kind: bonus, per: 1, cap: -2 }'],
      3,
      'indicators[0].cap',
      'OUT_OF_RANGE',
    ],
    [
      'points on a bonus',
      ['indicators:', '  - { code: B1, name: a, kind: bonus, per: 1, points: 5 }'],
      3,
      'indicators[0].points',
      'UNKNOWN_FIELD',
    ],
    [
      'points on a veto',
      ['indicators:', ok, '  - { code: V1, name: a, kind: veto, points: 5 }'],
      4,
      'indicators[1].points',
      'UNKNOWN_FIELD',
    ],
    [
      'tieBreak naming an unknown code',
      ['tieBreak: [A1, A9]', 'indicators:', ok],
      2,
      'tieBreak[1]',
      'UNKNOWN_CODE',
    ],
    [
      'tieBreak naming a veto',
      ['tieBreak: [V1]', 'indicators:', ok, '  - { code: V1, name: v, kind: veto }'],
      2,
      'tieBreak[0]',
      'VETO_IN_TIEBREAK',
    ],
    [
      'tieBreak twice the same',
      ['tieBreak: [A1, A1]', 'indicators:', ok],
      2,
      'tieBreak[1]',
      'DUPLICATE_CODE',
    ],
    ['tieBreak not a list', ['tieBreak: A1', 'indicators:', ok], 2, 'tieBreak', 'NOT_A_LIST'],
    ['unknown ranking', ['ranking: olympic', 'indicators:', ok], 2, 'ranking', 'UNKNOWN_RANKING'],
    [
      'precision not an integer',
      ['precision: 1.5', 'indicators:', ok],
      2,
      'precision',
      'OUT_OF_RANGE',
    ],
    ['precision negative', ['precision: -1', 'indicators:', ok], 2, 'precision', 'OUT_OF_RANGE'],
    ['precision too large', ['precision: 7', 'indicators:', ok], 2, 'precision', 'OUT_OF_RANGE'],
    ['no indicators', ['indicators: []'], 2, 'indicators', 'NOT_A_LIST'],
    ['indicators missing', ['ranking: dense'], 1, 'indicators', 'REQUIRED'],
    ['indicator not a mapping', ['indicators:', '  - A1'], 3, 'indicators[0]', 'NOT_A_MAPPING'],
    [
      'unknown top-level field',
      ['indicators:', ok, 'flag:', '  red: { top: 1 }'],
      4,
      'flag',
      'UNKNOWN_FIELD',
    ],
    [
      'red top = 0',
      ['indicators:', ok, 'flags:', '  red: { top: 0 }'],
      5,
      'flags.red.top',
      'OUT_OF_RANGE',
    ],
    [
      'red top not an integer',
      ['indicators:', ok, 'flags:', '  red: { top: 1.5 }'],
      5,
      'flags.red.top',
      'OUT_OF_RANGE',
    ],
    [
      'topPercent above 100',
      ['indicators:', ok, 'flags:', '  red: { topPercent: 120 }'],
      5,
      'flags.red.topPercent',
      'OUT_OF_RANGE',
    ],
    [
      'bottomPercent = 0',
      ['indicators:', ok, 'flags:', '  yellow: { bottomPercent: 0 }'],
      5,
      'flags.yellow.bottomPercent',
      'OUT_OF_RANGE',
    ],
    [
      'minScore not a number',
      ['indicators:', ok, 'flags:', '  red: { minScore: high }'],
      5,
      'flags.red.minScore',
      'NOT_A_NUMBER',
    ],
    ['empty red rule', ['indicators:', ok, 'flags:', '  red: {}'], 5, 'flags.red', 'NOT_A_MAPPING'],
    [
      'unknown yellow field',
      ['indicators:', ok, 'flags:', '  yellow: { last: 1 }'],
      5,
      'flags.yellow.last',
      'UNKNOWN_FIELD',
    ],
    [
      'minGroup not a positive integer',
      ['indicators:', ok, 'flags:', '  minGroup: 1.5'],
      5,
      'flags.minGroup',
      'OUT_OF_RANGE',
    ],
    [
      'minGroup zero',
      ['indicators:', ok, 'flags:', '  minGroup: 0'],
      5,
      'flags.minGroup',
      'OUT_OF_RANGE',
    ],
    [
      'minGroup not a number',
      ['indicators:', ok, 'flags:', '  minGroup: few'],
      5,
      'flags.minGroup',
      'NOT_A_NUMBER',
    ],
    [
      'unknown flag colour',
      ['indicators:', ok, 'flags:', '  blue: { top: 1 }'],
      5,
      'flags.blue',
      'UNKNOWN_FIELD',
    ],
    ['title missing', ['indicators:', ok].slice(0), undefined, '', ''],
  ];
  const real = cases.filter((c) => c[4] !== '');
  it.each(real)('%s', (_what, lines, line, field, code) => {
    const parsed = parseRubric(rubricWith(lines));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toContainEqual(expect.objectContaining({ line, field, code }));
    const problem = parsed.problems.find((p) => p.field === field)!;
    // The message is Chinese only (the web words the code in English), and the formatted line
    // names line and field.
    expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
    expect(problem.message).not.toMatch(/[a-z]{2,} [a-z]{2,}/i);
    expect(formatRubricProblem(problem)).toBe(`第${line}行 ${field}: ${problem.message}`);
  });

  it('formats the line as the issue shows it', () => {
    const parsed = parseRubric(
      rubricWith([
        'indicators:',
        ok,
        ok.replace('A1', 'A2'),
        ok.replace('A1', 'A3').replace('10', '0'),
      ]),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems.map(formatRubricProblem)).toEqual([
        '第5行 indicators[2].points: 分值必须大于0',
      ]);
    }
  });

  it('reports every problem at once, not the first only', () => {
    const parsed = parseRubric(
      rubricWith([
        'precision: 9',
        'tieBreak: [Z9]',
        'indicators:',
        '  - { code: A1, name: a, points: 0, method: manual }',
        '  - { code: A2, name: b, points: 5, method: guess }',
        '  - { code: A2, name: c, points: 5, method: manual }',
      ]),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems.map((p) => [p.line, p.field])).toEqual([
        [2, 'precision'],
        [5, 'indicators[0].points'],
        [6, 'indicators[1].method'],
        [3, 'tieBreak[0]'],
      ]);
    }
  });

  it('does not blame tieBreak for an indicator refused for its own fault', () => {
    const parsed = parseRubric(
      rubricWith([
        'tieBreak: [A1]',
        'indicators:',
        '  - { code: A1, name: a, points: -1, method: manual }',
      ]),
    );
    expect(!parsed.ok && parsed.problems.map((p) => p.field)).toEqual(['indicators[0].points']);
  });

  it('requires a title', () => {
    const parsed = parseRubric(['indicators:', ok].join('\n'));
    expect(!parsed.ok && parsed.problems).toEqual([
      expect.objectContaining({ line: 1, field: 'title', code: 'REQUIRED' }),
    ]);
  });

  it('refuses YAML syntax errors and duplicate keys with their line', () => {
    const dup = parseRubric(`title: a\ntitle: b\nindicators:\n${ok}`);
    expect(!dup.ok && dup.problems[0]).toMatchObject({ line: 2, code: 'DUPLICATE_KEY' });
    const bad = parseRubric('title: a\nindicators: [\n');
    expect(!bad.ok && bad.problems[0]?.code).toBe('SYNTAX');
    expect(!bad.ok && bad.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses an empty file and a non-mapping', () => {
    expect(parseRubric('  \n')).toMatchObject({ ok: false, problems: [{ code: 'EMPTY' }] });
    expect(parseRubric('- a\n- b\n')).toMatchObject({
      ok: false,
      problems: [{ code: 'NOT_A_MAPPING' }],
    });
  });

  it('names the line of a JSON rubric too', () => {
    const json = `{
  "title": "t",
  "indicators": [
    { "code": "A1", "name": "a", "points": 10, "method": "manual" },
    { "code": "A2", "name": "b", "points": -3, "method": "manual" }
  ]
}`;
    const parsed = parseRubric(json, 'json');
    expect(!parsed.ok && parsed.problems).toEqual([
      expect.objectContaining({ line: 5, field: 'indicators[1].points', code: 'OUT_OF_RANGE' }),
    ]);
    const broken = parseRubric('{\n  "title": "t",\n  "indicators": [,]\n}', 'json');
    expect(!broken.ok && broken.problems[0]).toMatchObject({ line: 3, code: 'SYNTAX' });
    const dup = parseRubric('{\n  "title": "t",\n  "title": "u",\n  "indicators": []\n}', 'json');
    expect(!dup.ok && dup.problems[0]).toMatchObject({ line: 3, code: 'DUPLICATE_KEY' });
  });

  it('validates an object without lines (the API body)', () => {
    const parsed = validateRubric({
      title: 't',
      indicators: [{ code: 'A1', name: 'a', points: 0, method: 'manual' }],
    });
    expect(!parsed.ok && parsed.problems).toEqual([
      {
        line: undefined,
        field: 'indicators[0].points',
        code: 'OUT_OF_RANGE',
        message: '分值必须大于0',
      },
    ]);
    expect(formatRubricProblem({ field: 'x', code: 'C', message: 'm' })).toBe('x: m');
  });
});
