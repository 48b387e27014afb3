// 推送地址 (webhooks) as the admin uses them: add a receiver through the web page, see its secret
// once, put a round on notice, and find the signed delivery at the receiver and in the page's log;
// then pause and delete it. Needs `npm run build` and /usr/bin/chromium.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmPopover } from './page-models/contest-pages.ts';
import { LoginPage } from './page-models/login-page.ts';
import { ApiClient, lastLine, runCli, saveScreenshot, useDemoSite } from './support.ts';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('webhooks', { timeout: 240_000 }, () => {
  const demo = useDemoSite();
  let api: ApiClient;
  const received: Received[] = [];
  const receiver = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });

  beforeAll(async () => {
    const token = lastLine(
      (await runCli(['token', 'create', '--user', 'admin', '--data', demo.data.dir])).stdout,
    );
    api = new ApiClient(demo.server.url, token);
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('adds a receiver, shows its secret once, and delivers a round’s notice signed', async () => {
    const page = demo.page;
    page.setDefaultTimeout(30_000);
    const login = new LoginPage(page, demo.server.url);
    await login.goto();
    await login.signIn('admin', demo.passwords.admin ?? '');
    await page.goto(`${demo.server.url}/webhooks`);
    await page.getByRole('heading', { level: 1, name: '推送地址' }).waitFor();
    await page.getByText('尚未配置推送地址').waitFor();

    // A refused address is named in the form and nothing is created.
    await page.getByRole('button', { name: '新增推送地址' }).click();
    const modal = page.locator('.webhook-modal');
    await modal.getByLabel('接收地址').fill('ftp://example.org/hook');
    await modal.getByRole('button', { name: '新增推送地址' }).click();
    const explain = modal.locator('.ant-form-item-explain-error');
    await explain.waitFor();
    expect(await explain.textContent()).toContain('须为网址');

    const port = (receiver.address() as AddressInfo).port;
    await modal.getByLabel('接收地址').fill(`http://127.0.0.1:${port}/leitai`);
    // Only the notice: the reminders would also come, but not in this test's time.
    for (const name of ['填报截止前3天', '填报截止前1天', '填报已逾期', '申诉已答复', '整改到期']) {
      await modal.getByLabel(name).uncheck();
    }
    await modal.getByLabel('说明').fill('县政务协同平台');
    await modal.getByRole('button', { name: '新增推送地址' }).click();
    const secretField = page.locator('#one-time-secret');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    await saveScreenshot(page, 'webhooks-secret-1440');
    await page.getByRole('button', { name: '我已保存密钥' }).click();
    const row = page.locator('.webhooks-table tr', { hasText: `127.0.0.1:${port}` });
    await expect.poll(() => row.locator('.webhook-state').textContent()).toBe('启用中');
    expect(await row.textContent()).toContain('进入公示');
    await expect.poll(() => page.locator('#one-time-secret').count()).toBe(0);

    // A round on notice: its event reaches the receiver, signed with that secret.
    const contests = await api.call<{ items: { id: number }[] }>('GET', '/contests?limit=100');
    let roundId: number | undefined;
    for (const c of contests.items) {
      const contest = await api.call<{ rounds: { id: number; state: string }[] }>(
        'GET',
        `/contests/${c.id}`,
      );
      roundId = contest.rounds.find((r) => r.state === 'collecting')?.id;
      if (roundId) break;
    }
    expect(roundId).toBeDefined();
    await api.call('POST', `/rounds/${roundId}/transition`, { to: 'reviewing' });
    await api.call('POST', `/rounds/${roundId}/transition`, { to: 'notice' });
    // The scheduler's webhook job runs every 15 s on the serving instance.
    await expect.poll(() => received.length, { timeout: 90_000, interval: 500 }).toBeGreaterThan(0);
    const hit = received[0] as Received;
    expect(hit.headers['x-leitai-event']).toBe('round.notice');
    const timestamp = String(hit.headers['x-leitai-timestamp']);
    const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${hit.body}`).digest('hex')}`;
    expect(hit.headers['x-leitai-signature']).toBe(expected);
    const event = JSON.parse(hit.body) as { kind: string; data: { round: { id: number } } };
    expect(event.kind).toBe('round.notice');
    expect(event.data.round.id).toBe(roundId);

    await row.getByRole('button', { name: '推送记录' }).click();
    const log = page.locator('.webhook-deliveries');
    await log.getByText('已送达').waitFor();
    expect(await log.textContent()).toContain('HTTP 204');
    await saveScreenshot(page, 'webhooks-deliveries-1440');
    await log.locator('.ant-drawer-close').click();
    await log.waitFor({ state: 'hidden' });

    await row.getByRole('button', { name: '停用' }).click();
    await expect.poll(() => row.locator('.webhook-state').textContent()).toBe('已停用');
    await page.setViewportSize({ width: 390, height: 844 });
    await saveScreenshot(page, 'webhooks-390');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page
      .locator('.webhooks-table tr', { hasText: `127.0.0.1:${port}` })
      .getByRole('button', { name: '删除' })
      .click();
    await confirmPopover(page, '删除');
    await page.getByText('尚未配置推送地址').waitFor();
    const left = await api.call<{ total: number }>('GET', '/webhooks');
    expect(left.total).toBe(0);
    expect(demo.consoleErrors).toEqual([]);
  });
});
