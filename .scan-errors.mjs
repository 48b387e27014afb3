import ts from 'typescript';
import fs from 'node:fs';
import { execSync } from 'node:child_process';
const files = execSync("git ls-files 'src/**/*.ts' 'web/src/**/*.ts' 'web/src/**/*.tsx'", {encoding:'utf8'}).trim().split('\n').filter(f=>!f.endsWith('.test.ts'));
const codes = new Map(); const nonLit = [];
for (const f of files) {
  const src = ts.createSourceFile(f, fs.readFileSync(f,'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    if (ts.isNewExpression(n) && n.expression.getText() === 'DomainError') {
      const a = n.arguments?.[0];
      const {line} = src.getLineAndCharacterOfPosition(n.getStart());
      if (a && ts.isStringLiteral(a)) { (codes.get(a.text) ?? codes.set(a.text, []).get(a.text)).push(`${f}:${line+1}`); }
      else nonLit.push(`${f}:${line+1}: ${a?.getText()}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}
for (const [c, l] of [...codes].sort()) console.log(c, l.length);
console.log('--- non-literal'); console.log(nonLit.join('\n'));
