import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseRubric } from '../core/rubric.ts';
import { readScoreSheet } from './score-sheet.ts';
import { inspectZip, readZipEntry } from './zip-guard.ts';

/** A minimal ZIP writer: sizes may be declared as anything, data may be given raw. */
function makeZip(
  entries: { name: string; data: Buffer; declared?: number; raw?: Buffer; flags?: number }[],
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = e.raw ?? deflateRawSync(e.data);
    const size = e.declared ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function realXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.keywords = 'leitai-round:7';
  const ws = wb.addWorksheet('s');
  ws.addRow(['code', 'name', 'A1']);
  ws.addRow(['u1', '甲村', 5]);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const small = { maxEntries: 5, maxUncompressedBytes: 1000 };

describe('inspectZip', () => {
  it('passes a real workbook and reads one of its parts', async () => {
    const bytes = await realXlsx();
    const check = inspectZip(bytes);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.entries.map((e) => e.name)).toContain('[Content_Types].xml');
    expect(readZipEntry(bytes, check.entries, 'docProps/core.xml')?.toString()).toContain(
      'leitai-round:7',
    );
    expect(readZipEntry(bytes, check.entries, 'nope')).toBeUndefined();
  });

  it('names what is not a workbook at all', () => {
    expect(inspectZip(new Uint8Array())).toMatchObject({ ok: false, code: 'NOT_ZIP' });
    expect(inspectZip(Buffer.from('code,name\nu1,a\n'))).toMatchObject({ code: 'NOT_ZIP' });
    expect(inspectZip(Buffer.from('89504e470d0a1a0a', 'hex'))).toMatchObject({ code: 'NOT_ZIP' });
    expect(inspectZip(Buffer.from('d0cf11e0a1b11ae1', 'hex'))).toMatchObject({
      code: 'LEGACY_XLS',
      message: expect.stringContaining('另存为 .xlsx'),
    });
  });

  it('finds a workbook cut short anywhere', async () => {
    const bytes = await realXlsx();
    for (const keep of [4, 30, Math.floor(bytes.length / 2), bytes.length - 30, bytes.length - 1]) {
      const check = inspectZip(bytes.subarray(0, keep));
      expect(check.ok, `cut at ${keep}`).toBe(false);
      if (!check.ok) expect(['TRUNCATED', 'CORRUPT_ZIP']).toContain(check.code);
    }
  });

  it('refuses zip bombs: too large once inflated, lying sizes, too many entries', () => {
    expect(inspectZip(makeZip([{ name: 'a', data: Buffer.alloc(2000) }]), small)).toMatchObject({
      code: 'ZIP_BOMB',
      message: expect.stringContaining('压缩炸弹'),
    });
    expect(
      inspectZip(makeZip([{ name: 'a', data: Buffer.alloc(100_000), declared: 10 }]), small),
    ).toMatchObject({ code: 'ZIP_BOMB', message: expect.stringContaining('大于其声明') });
    const many = makeZip(
      Array.from({ length: 6 }, (_, k) => ({ name: `${k}`, data: Buffer.from('x') })),
    );
    expect(inspectZip(many, small)).toMatchObject({ code: 'TOO_MANY_ENTRIES' });
    expect(inspectZip(many)).toMatchObject({ ok: true });
  });

  it('refuses corrupt streams, understated-then-short data, encryption', () => {
    expect(
      inspectZip(makeZip([{ name: 'a', data: Buffer.alloc(10), raw: Buffer.from('garbage!') }])),
    ).toMatchObject({ code: 'CORRUPT_ZIP' });
    expect(
      inspectZip(makeZip([{ name: 'a', data: Buffer.alloc(10), declared: 20 }])),
    ).toMatchObject({
      code: 'CORRUPT_ZIP',
    });
    expect(inspectZip(makeZip([{ name: 'a', data: Buffer.alloc(10), flags: 1 }]))).toMatchObject({
      code: 'UNSUPPORTED_ZIP',
    });
  });

  it('never throws on mangled bytes', async () => {
    const bytes = await realXlsx();
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let k = 0; k < 300; k++) {
      const copy = Buffer.from(bytes);
      for (let j = 0; j < 1 + Math.floor(random() * 8); j++) {
        copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      }
      expect(() => inspectZip(copy)).not.toThrow();
    }
  });
});

describe('the score-sheet reader behind the guard', () => {
  const parsed = parseRubric(
    'title: t\nindicators:\n  - { code: A1, name: a, points: 10, method: manual }\n',
  );
  const rubric = parsed.ok ? parsed.rubric : (undefined as never);

  it('refuses a bomb before exceljs sees it, with the guard message', async () => {
    const bomb = makeZip([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2000), declared: 10 },
    ]);
    const read = await readScoreSheet(bomb, { format: 'xlsx' }, rubric);
    expect(read).toMatchObject({
      ok: false,
      problems: [{ row: 0, code: 'UNREADABLE', message: expect.stringContaining('压缩炸弹') }],
    });
  });

  it('turns unparseable parts into a problem, not a crash', async () => {
    const broken = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet') },
    ]);
    const read = await readScoreSheet(broken, { format: 'xlsx' }, rubric);
    expect(read.ok).toBe(false);
  });

  it('says a CSV is not text when it is a workbook or binary', async () => {
    const xlsx = await realXlsx();
    expect(await readScoreSheet(xlsx, { format: 'csv' }, rubric)).toMatchObject({
      problems: [{ code: 'NOT_TEXT', message: expect.stringContaining('.xlsx') }],
    });
    expect(
      await readScoreSheet(Buffer.from([0x89, 0x50, 0, 1]), { format: 'csv' }, rubric),
    ).toMatchObject({
      problems: [{ code: 'NOT_TEXT' }],
    });
  });
});
