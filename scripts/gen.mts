import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = '/work/wt-contract';
const cfg = ts.getParsedCommandLineOfConfigFile(
  path.join(root, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
)!;
const program = ts.createProgram(cfg.fileNames, cfg.options);
const checker = program.getTypeChecker();
const named = new Map<string, string>([['Rubric', 'RubricView']]);
const out: Record<
  string,
  {
    file: string;
    pos: number;
    status: number;
    zod: string;
    fn: string;
    url: string;
    method: string;
    note?: string;
  }[]
> = {};
function zodOf(type: ts.Type, depth: number, top = false): string {
  if (depth > 12) return 'z.unknown()';
  const alias = (type.aliasSymbol ?? type.getSymbol())?.getName();
  if (!top && alias && named.has(alias)) return named.get(alias)!;
  const f = type.getFlags();
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'z.unknown()';
  if (f & ts.TypeFlags.StringLiteral)
    return `z.literal(${JSON.stringify((type as ts.StringLiteralType).value)})`;
  if (f & ts.TypeFlags.NumberLiteral) return `z.literal(${(type as ts.NumberLiteralType).value})`;
  if (f & ts.TypeFlags.String) return 'z.string()';
  if (f & ts.TypeFlags.Number) return 'z.number()';
  if (f & ts.TypeFlags.Boolean || f & ts.TypeFlags.BooleanLiteral) return 'z.boolean()';
  if (f & ts.TypeFlags.Null) return 'z.null()';
  if (f & ts.TypeFlags.Undefined || f & ts.TypeFlags.Void) return 'z.undefined()';
  if (type.isUnion()) {
    let parts = type.types;
    const hasNull = parts.some((t) => t.flags & ts.TypeFlags.Null);
    const hasUndef = parts.some((t) => t.flags & ts.TypeFlags.Undefined);
    parts = parts.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    const bools = parts.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    parts = parts.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral));
    let inner: string;
    const lits = parts.filter((t) => t.flags & ts.TypeFlags.StringLiteral);
    const items: string[] = [];
    if (lits.length > 1 && lits.length === parts.length)
      items.push(
        `z.enum([${lits.map((t) => JSON.stringify((t as ts.StringLiteralType).value)).join(', ')}])`,
      );
    else items.push(...parts.map((t) => zodOf(t, depth + 1)));
    if (bools.length) items.push('z.boolean()');
    const uniq = [...new Set(items)];
    inner = uniq.length === 1 ? uniq[0]! : `z.union([${uniq.join(', ')}])`;
    if (hasNull) inner += '.nullable()';
    if (hasUndef) inner += '.optional()';
    return inner;
  }
  if (checker.isArrayType(type)) {
    const [el] = checker.getTypeArguments(type as ts.TypeReference);
    return `z.array(${zodOf(el!, depth + 1)})`;
  }
  if (checker.isTupleType(type)) {
    const els = checker.getTypeArguments(type as ts.TypeReference);
    return `z.tuple([${els.map((e) => zodOf(e, depth + 1)).join(', ')}])`;
  }
  const sym = type.getSymbol();
  if (sym && ['Date'].includes(sym.getName())) return 'z.date() /*DATE*/';
  if (sym && ['Buffer', 'Uint8Array', 'ReadStream', 'Readable'].includes(sym.getName()))
    return 'BINARY';
  if (f & ts.TypeFlags.Object) {
    const props = checker.getPropertiesOfType(type);
    const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
    if (index && props.length === 0) return `z.record(z.string(), ${zodOf(index.type, depth + 1)})`;
    const fields = props.map((p) => {
      const pt = checker.getTypeOfSymbol(p);
      let z = zodOf(pt, depth + 1);
      if (p.flags & ts.SymbolFlags.Optional && !z.endsWith('.optional()')) z += '.optional()';
      const key = /^[A-Za-z_$][\w$]*$/.test(p.getName())
        ? p.getName()
        : JSON.stringify(p.getName());
      return `${key}: ${z}`;
    });
    return `z.object({ ${fields.join(', ')} })`;
  }
  return `z.unknown() /*?${checker.typeToString(type)}*/`;
}
for (const sf of program.getSourceFiles()) {
  if (!sf.fileName.includes('/src/server/routes/') || !sf.fileName.endsWith('.routes.ts')) continue;
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'app' &&
      node.arguments.length === 3
    ) {
      const [urlA, opts, handler] = node.arguments;
      const method = node.expression.name.text;
      const url = ts.isStringLiteral(urlA!) ? urlA.text : urlA!.getText();
      if (!ts.isObjectLiteralExpression(opts!)) return;
      const schemaP = opts.properties.find((p) => p.name?.getText() === 'schema');
      if (
        !schemaP ||
        !ts.isPropertyAssignment(schemaP) ||
        !ts.isObjectLiteralExpression(schemaP.initializer)
      )
        return;
      const schemaObj = schemaP.initializer;
      if (schemaObj.properties.some((p) => p.name?.getText() === 'response')) return;
      let status = 200;
      let type: ts.Type | undefined;
      let note = '';
      let fn = '';
      const sig = checker.getTypeAtLocation(handler!).getCallSignatures()[0]!;
      const ret = checker.getAwaitedType(sig.getReturnType())!;
      const retName = checker.typeToString(ret);
      if (/FastifyReply|^never$/.test(retName)) {
        // find .send(arg) with .status(N)
        let found: ts.CallExpression | undefined;
        const walk = (n: ts.Node) => {
          if (
            ts.isCallExpression(n) &&
            ts.isPropertyAccessExpression(n.expression) &&
            n.expression.name.text === 'send'
          )
            found = n;
          ts.forEachChild(n, walk);
        };
        walk(handler!);
        if (found) {
          const st = found.expression.getText().match(/status\((\d+)\)/);
          if (st) status = Number(st[1]);
          if (found.arguments.length === 0) {
            status = 204;
            note = 'EMPTY';
          } else {
            type = checker.getTypeAtLocation(found.arguments[0]!);
            note = 'send:' + checker.typeToString(type).slice(0, 60);
          }
        } else note = 'NOSEND';
      } else type = ret;
      const walk2 = (n: ts.Node) => {
        if (!fn && ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
          let s = checker.getSymbolAtLocation(n.expression);
          if (s && s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
          const d = s?.declarations?.[0];
          if (d && d.getSourceFile().fileName.includes('/src/app/')) fn = n.expression.text;
        }
        ts.forEachChild(n, walk2);
      };
      walk2(handler!);
      const zod = type ? zodOf(type, 0) : 'NONE';
      (out[sf.fileName] ??= []).push({
        file: sf.fileName,
        pos: schemaObj.getStart(),
        status,
        zod,
        fn,
        url,
        method,
        note,
      });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
// Rubric
const rubricFile = program.getSourceFile(path.join(root, 'src/core/rubric.ts'))!;
const rubricDecl = rubricFile.statements.find(
  (s) => ts.isInterfaceDeclaration(s) && s.name.text === 'Rubric',
)!;
const rubricZod = zodOf(checker.getTypeAtLocation(rubricDecl), 0, true);
fs.writeFileSync('/tmp/gen.json', JSON.stringify({ out, rubricZod }, null, 1));
for (const [f, rs] of Object.entries(out))
  for (const r of rs)
    console.log(
      path.basename(f),
      r.method,
      r.url,
      r.status,
      r.fn,
      r.note,
      r.zod.length,
      r.zod.slice(0, 150),
    );
console.log('RUBRIC', rubricZod);
