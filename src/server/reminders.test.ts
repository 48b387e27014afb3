/**
 * My month and reminders (issue 14 items 6 and 12), through the API on both databases: the month
 * workbook round trip and its all-or-nothing import across sheets; deadline reminders sent once
 * per (round, unit, kind); 公示 and appeal notifications written with the change; webhooks signed
 * and retried after a 500 against a local HTTP server; the scheduler's once-only claim.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/db.ts';
import { startTestServer, type TestServer } from '../../test/support/server.ts';
import { systemActor } from '../app/context.ts';
import { sendDeadlineReminders } from '../app/notifications.ts';
import { Scheduler } from '../app/scheduler.ts';
import { deliverDue, dispatchOutbox } from '../app/webhooks.ts';

const RUBRIC = (title: string) => `title: ${title}
indicators:
  - { code: A1, name: 村级活动场所标准化, points: 40, method: manual }
  - { code: A2, name: 后备干部人数, points: 60, method: relative }
flags:
  red: { top: 1 }
  yellow: { bottom: 1 }
`;
const HSP = '371323104';

function multipart(name: string, bytes: Buffer) {
  const boundary = '----leitai-month';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

describeEachDialect('my month and reminders', (use) => {
  let s: TestServer;
  const rounds: number[] = [];
  beforeAll(async () => {
    s = await startTestServer(use());
    for (const title of ['组织建设擂台赛', '乡村振兴擂台赛']) {
      const c = await s.as('admin', {
        method: 'POST',
        url: '/api/v1/contests',
        payload: {
          title,
          category: '基层党建',
          organizer: '371323',
          cadence: 'month',
          participants: { under: '371323', kinds: ['street', 'town', 'township'] },
          evaluators: { A1: '371323-D01' },
        },
      });
      const id = c.json().id;
      await s.as('admin', {
        method: 'POST',
        url: `/api/v1/contests/${id}/rubrics`,
        payload: { yaml: RUBRIC(title) },
      });
      await s.as('admin', { method: 'POST', url: `/api/v1/contests/${id}/rubrics/1/publish` });
      const r = await s.as('admin', {
        method: 'POST',
        url: `/api/v1/contests/${id}/rounds`,
        payload: { period: '2026-06', deadline: '2026-07-05T10:00:00.000Z' },
      });
      rounds.push(r.json().id);
      await s.as('admin', {
        method: 'POST',
        url: `/api/v1/rounds/${r.json().id}/transition`,
        payload: { to: 'collecting' },
      });
    }
  });
  afterAll(() => s.close());

  const a2Of = async (roundId: number) =>
    (await s.as('admin', { url: `/api/v1/rounds/${roundId}/entries` }))
      .json()
      .items.filter(
        (e: { unit: string; indicator: string }) => e.unit === HSP && e.indicator === 'A2',
      )
      .map((e: { value: number }) => e.value);

  it('lists what a reporter must fill this month, and hands one workbook back and forth', async () => {
    const month = (await s.as('huangshanpu', { url: '/api/v1/me/month?period=2026-06' })).json();
    expect(month.fill.map((f: { task: string }) => f.task)).toEqual(['report', 'report']);
    expect(month.open).toBe(2);
    const scorer = (await s.as('zuzhibu', { url: '/api/v1/me/month?period=2026-06' })).json();
    expect(scorer.fill[0]).toMatchObject({ task: 'score', indicators: ['A1'], cells: 18 });

    const file = await s.as('huangshanpu', { url: '/api/v1/me/month.xlsx?period=2026-06' });
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '目录',
      '组织建设擂台赛',
      '乡村振兴擂台赛',
    ]);

    // Broken: text in one sheet, 150% … and a renamed sheet: one report, nothing written.
    const bad = new ExcelJS.Workbook();
    await bad.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    bad.getWorksheet('组织建设擂台赛')!.getCell('C2').value = '很多';
    bad.getWorksheet('乡村振兴擂台赛')!.name = '改了名';
    const refused = await s.as('huangshanpu', {
      method: 'POST',
      url: '/api/v1/me/month/import',
      ...multipart('month.xlsx', Buffer.from(await bad.xlsx.writeBuffer())),
    });
    expect(refused.statusCode).toBe(400);
    const problems = refused.json().error.details.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: '组织建设擂台赛', cell: 'C2', code: 'NOT_A_NUMBER' }),
        expect.objectContaining({ sheet: '乡村振兴擂台赛', code: 'SHEET_MISSING' }),
        expect.objectContaining({ sheet: '改了名', code: 'UNKNOWN_SHEET' }),
      ]),
    );
    expect(await a2Of(rounds[0]!)).toEqual([]);

    // A bad cell in the second sheet refuses the good first sheet too.
    const half = new ExcelJS.Workbook();
    await half.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    half.getWorksheet('组织建设擂台赛')!.getCell('C2').value = 5;
    half.getWorksheet('乡村振兴擂台赛')!.getCell('C2').value = -3;
    const halfRes = await s.as('huangshanpu', {
      method: 'POST',
      url: '/api/v1/me/month/import',
      ...multipart('month.xlsx', Buffer.from(await half.xlsx.writeBuffer())),
    });
    expect(halfRes.statusCode).toBe(400);
    expect(halfRes.json().error.details.problems[0]).toMatchObject({
      sheet: '乡村振兴擂台赛',
      cell: 'C2',
    });
    expect(await a2Of(rounds[0]!)).toEqual([]);

    const good = new ExcelJS.Workbook();
    await good.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    good.getWorksheet('组织建设擂台赛')!.getCell('C2').value = 5;
    good.getWorksheet('乡村振兴擂台赛')!.getCell('C2').value = '7';
    const ok = await s.as('huangshanpu', {
      method: 'POST',
      url: '/api/v1/me/month/import',
      ...multipart('month.xlsx', Buffer.from(await good.xlsx.writeBuffer())),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().written).toBe(2);
    expect(await a2Of(rounds[0]!)).toEqual([5]);
    expect(await a2Of(rounds[1]!)).toEqual([7]);
  });

  it('reminds those who have not filled, once per round, unit and kind', async () => {
    const ctx = { ...use().ctx, clock: { now: () => new Date('2026-07-03T10:00:00Z') } };
    const sent = await sendDeadlineReminders(ctx);
    expect(sent).toBe(34); // 17 towns × 2 rounds: 黄山铺镇 has filled both
    expect(await sendDeadlineReminders(ctx)).toBe(0);
    const mine = (await s.as('yangzhuang', { url: '/api/v1/me/notifications' })).json();
    expect(mine.unread).toBe(2);
    expect(mine.items[0]).toMatchObject({ kind: 'deadline.3d' });
    expect((await s.as('huangshanpu', { url: '/api/v1/me/notifications' })).json().total).toBe(0);
    const read = await s.as('yangzhuang', {
      method: 'POST',
      url: `/api/v1/me/notifications/${mine.items[0].id}/read`,
    });
    expect(read.json().readAt).not.toBeNull();
    // Someone else's notification is not found for another user.
    const other = await s.as('huangshanpu', {
      method: 'POST',
      url: `/api/v1/me/notifications/${mine.items[1].id}/read`,
    });
    expect(other.statusCode).toBe(404);
    const late = { ...ctx, clock: { now: () => new Date('2026-07-06T10:00:00Z') } };
    expect(await sendDeadlineReminders(late)).toBe(34);
    expect(await sendDeadlineReminders(late)).toBe(0);
  });

  it('signs webhooks, retries after a 500, logs deliveries and never shows the secret again', async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = received.length === 1 ? 500 : 204;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const created = await s.as('admin', {
        method: 'POST',
        url: '/api/v1/webhooks',
        payload: { url: `http://127.0.0.1:${port}/hook`, kinds: ['round.notice'] },
      });
      expect(created.statusCode).toBe(201);
      const { id, secret } = created.json();
      expect(secret.length).toBeGreaterThan(20);
      const listed = await s.as('admin', { url: '/api/v1/webhooks' });
      expect(listed.body).not.toContain(secret);
      expect((await s.as('huangshanpu', { url: '/api/v1/webhooks' })).statusCode).toBe(403);

      // Into 公示: the participants' reporters are told, in the same transaction.
      await s.as('admin', {
        method: 'POST',
        url: `/api/v1/rounds/${rounds[0]}/transition`,
        payload: { to: 'reviewing' },
      });
      await s.as('admin', {
        method: 'POST',
        url: `/api/v1/rounds/${rounds[0]}/transition`,
        payload: { to: 'notice' },
      });
      const hsp = (await s.as('huangshanpu', { url: '/api/v1/me/notifications' })).json();
      expect(hsp.items[0]).toMatchObject({ kind: 'round.notice' });

      let now = new Date('2026-07-10T00:00:00Z');
      const ctx = { db: use().ctx.db, actor: systemActor, clock: { now: () => now } };
      await dispatchOutbox(ctx);
      expect(await deliverDue(ctx)).toEqual({ delivered: 0, failed: 1 });
      // Not due again until the backoff has passed.
      expect(await deliverDue(ctx)).toEqual({ delivered: 0, failed: 0 });
      now = new Date(now.getTime() + 31_000);
      expect(await deliverDue(ctx)).toEqual({ delivered: 1, failed: 0 });
      expect(received).toHaveLength(2);
      for (const r of received) {
        const ts = r.headers['x-leitai-timestamp'] as string;
        const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex')}`;
        expect(r.headers['x-leitai-signature']).toBe(expected);
        expect(JSON.parse(r.body)).toMatchObject({ kind: 'round.notice' });
      }
      const log = (await s.as('admin', { url: `/api/v1/webhooks/${id}/deliveries` })).json();
      expect(log.items[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 204 });
    } finally {
      server.close();
    }
  });

  it('runs a scheduled job once when two schedulers race for it', async () => {
    const { db } = use().ctx;
    let runs = 0;
    const clock = { now: () => new Date('2026-07-10T00:00:00Z') };
    const job = {
      name: `race-${Math.random()}`,
      everyMs: 60_000,
      run: async () => {
        runs++;
      },
    };
    const a = new Scheduler({ db, clock, holder: 'a' }).register(job);
    const b = new Scheduler({ db, clock, holder: 'b' }).register(job);
    const ran = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(runs).toBe(1);
    expect(ran.flat()).toEqual([job.name]);
    // Due again only after its interval.
    const later = { now: () => new Date('2026-07-10T00:01:01Z') };
    await new Scheduler({ db, clock: later, holder: 'c' }).register(job).tick();
    expect(runs).toBe(2);
  });
});
