// Evidence types are read from the bytes: a ZIP named .docx is a Word file only with the OOXML parts.
import { deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { sniffType } from './file-store.ts';

function zip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const n of names) {
    const name = Buffer.from(n);
    const data = Buffer.from('<x/>');
    const packed = deflateRawSync(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('sniffType', () => {
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  it('accepts a ZIP named .docx/.xlsx/.pptx only with [Content_Types].xml and its part folder', () => {
    expect(sniffType(zip(['[Content_Types].xml', 'word/document.xml']), 'a.docx')).toBe(DOCX);
    expect(sniffType(zip(['[Content_Types].xml', 'xl/workbook.xml']), 'a.xlsx')).toContain(
      'spreadsheetml',
    );
    expect(sniffType(zip(['[Content_Types].xml', 'ppt/presentation.xml']), 'a.pptx')).toContain(
      'presentationml',
    );
    // Any other ZIP, the wrong part folder, or a broken archive is refused.
    expect(sniffType(zip(['payload.exe', 'readme.txt']), 'a.docx')).toBeUndefined();
    expect(sniffType(zip(['word/document.xml']), 'a.docx')).toBeUndefined();
    expect(sniffType(zip(['[Content_Types].xml', 'xl/workbook.xml']), 'a.docx')).toBeUndefined();
    const whole = zip(['[Content_Types].xml', 'word/document.xml']);
    expect(sniffType(whole.subarray(0, whole.length - 30), 'a.docx')).toBeUndefined();
  });

  it('accepts a real Word file', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('佐证材料')] }] });
    expect(sniffType(await Packer.toBuffer(doc), '佐证.docx')).toBe(DOCX);
  });
});
