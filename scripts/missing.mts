import { openApiDocument } from '../src/server/openapi.ts';

const doc: any = await openApiDocument();
let n = 0,
  total = 0;
for (const [p, ops] of Object.entries<any>(doc.paths))
  for (const [m, op] of Object.entries<any>(ops)) {
    total++;
    const codes = Object.keys(op.responses ?? {});
    const ok = codes.filter((c) => c.startsWith('2'));
    const hasSchema = ok.some((c) => op.responses[c].content);
    if (!hasSchema) {
      n++;
      console.log(m.toUpperCase(), p, op.tags?.[0]);
    }
  }
console.log(n, 'of', total, 'missing');
