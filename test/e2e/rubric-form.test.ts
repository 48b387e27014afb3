// The rubric form (issue 14, item 8): rows added and their methods chosen in a table, flag rules
// with minGroup, a mistake named by its row in Chinese, fixed, published, and the YAML view
// showing what the form wrote. Needs `npm run build` and /usr/bin/chromium.
import { beforeEach, describe, expect, it } from 'vitest';
import { parseRubric } from '../../src/core/rubric.ts';
import {
  ContestFormPage,
  ContestsPage,
  chooseOption,
  RubricEditorPage,
} from './page-models/contest-pages.ts';
import { LoginPage } from './page-models/login-page.ts';
import { saveScreenshot, useDemoSite } from './support.ts';

const TITLE = '表单编写评分标准擂台赛';

describe('the rubric form', { timeout: 240_000 }, () => {
  const demo = useDemoSite();
  beforeEach(async () => {
    demo.page.setDefaultTimeout(45_000);
    await demo.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('builds a rubric row by row, names a mistake by its row, publishes, and the YAML agrees', async () => {
    const page = demo.page;
    const login = new LoginPage(page, demo.server.url);
    await login.goto();
    await login.signIn('admin', demo.passwords.admin ?? '');
    const contests = new ContestsPage(page, demo.server.url);
    await contests.goto();
    await contests.startNew();
    const form = new ContestFormPage(page);
    await form.fill({ title: TITLE, category: '基层党建', leads: { A1: '县委组织部' } });
    await form.submit();

    // The form is the first view; the template's seven rows are in it.
    const editor = new RubricEditorPage(page);
    await editor.field('第 7 行编码').waitFor();
    await expect(editor.field('第 7 行编码').inputValue()).resolves.toBe('V1');

    // Drop the veto row; add a banded ratio and a rank-scored row.
    await page.getByRole('button', { name: '删除第 7 行' }).click();
    await expect.poll(() => editor.field('第 7 行编码').count()).toBe(0);
    await page.getByRole('button', { name: '添加指标' }).click();
    await expect(editor.field('第 7 行编码').inputValue()).resolves.toBe('A7');
    await editor.field('第 7 行指标名称').fill('党员教育覆盖率');
    await editor.field('第 7 行计分方法').click();
    await chooseOption(page, '分档计分');
    await editor.field('第 7 行第 1 档门槛').waitFor();
    await editor.field('第 7 行满分').fill('10');
    await editor.field('第 7 行第 1 档门槛').fill('0.95');
    await editor.field('第 7 行第 1 档得分').fill('10');
    await page.getByRole('button', { name: '第 7 行加一档' }).click();
    await editor.field('第 7 行第 2 档门槛').fill('0.8');
    await editor.field('第 7 行第 2 档得分').fill('6');
    await editor.field('第 7 行计量单位').fill('比率');

    await page.getByRole('button', { name: '添加指标' }).click();
    await editor.field('第 8 行指标名称').fill('发展党员质量');
    await editor.field('第 8 行计分方法').click();
    await chooseOption(page, '名次法');
    await editor.field('第 8 行每名次递减').waitFor();
    await editor.field('第 8 行满分').fill('0');

    // Flag rules: top 2 red, bottom 10 % yellow, no flags in a group of fewer than 4.
    await editor.field('红旗前几名').fill('2');
    await editor.field('黄旗后几名').fill('');
    await editor.field('黄旗后百分之几').fill('10');
    await editor.field('最少参评单位数').fill('4');

    // The mistake is named by its row and field, in Chinese; publishing waits for the fix.
    await editor.problems
      .filter({ hasText: '第 8 行 指标“发展党员质量”（满分）：分值必须大于0' })
      .waitFor();
    expect(await editor.problems.allInnerTexts()).toEqual([
      '第 8 行 指标“发展党员质量”（满分）：分值必须大于0',
    ]);
    await expect(
      page.getByRole('button', { name: '发布', exact: true }).isDisabled(),
    ).resolves.toBe(true);
    await saveScreenshot(page, 'rubric-form-error');

    await editor.field('第 8 行满分').fill('10');
    await editor.status.getByText('格式正确，共 8 项指标').waitFor();
    await editor.preview.getByText('各组前 2 名').waitFor();

    // Leaving with the work unsaved still asks first.
    await page.getByRole('button', { name: '返回擂台赛' }).click();
    const dialog = page.getByRole('dialog', { name: '有未保存的修改' });
    await dialog.getByRole('button', { name: '留在此页' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await saveScreenshot(page, 'rubric-form');

    // The advanced view holds what the form wrote, comments of the template included.
    await editor.showText();
    const text = await editor.source.inputValue();
    expect(text).toContain('# 评分标准（YAML 格式）');
    const parsed = parseRubric(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.rubric.indicators.map((i) => i.code)).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'B1',
      'B2',
      'A7',
      'A8',
    ]);
    expect(parsed.rubric.indicators[6]).toMatchObject({
      name: '党员教育覆盖率',
      method: 'bands',
      points: 10,
      unit: 'ratio',
      bands: [
        [0.95, 10],
        [0.8, 6],
      ],
    });
    expect(parsed.rubric.indicators[7]).toMatchObject({
      name: '发展党员质量',
      method: 'rank',
      points: 10,
      step: 1,
    });
    expect(parsed.rubric.flags).toEqual({
      red: { top: 2 },
      yellow: { bottomPercent: 10 },
      minGroup: 4,
    });

    // And the other way: a change typed in the text shows in the form.
    await editor.source.fill(text.replace('name: 发展党员质量', 'name: 发展党员工作质量'));
    await editor.showForm();
    await expect.poll(() => editor.field('第 8 行指标名称').inputValue()).toBe('发展党员工作质量');

    await editor.status.getByText('格式正确，共 8 项指标').waitFor();
    await editor.publish();
    await page.waitForURL(/\/contests\/\d+$/);
    const contestId = /\/contests\/(\d+)$/.exec(page.url())![1];
    await page.goto(`${demo.server.url}/contests/${contestId}/rubric`);
    await editor.field('第 8 行指标名称').waitFor();
    await expect(editor.field('第 8 行指标名称').inputValue()).resolves.toBe('发展党员工作质量');
    await expect(editor.field('最少参评单位数').inputValue()).resolves.toBe('4');
    await editor.showText();
    await expect(editor.source.inputValue()).resolves.toMatch(/minGroup: 4/);
    expect(demo.consoleErrors).toEqual([]);
  });
});
