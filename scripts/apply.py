import json, re, os
d = json.load(open('/tmp/gen.json'))
root = '/work/wt-contract/src/server/routes/'
def pascal(s): return s[0].upper() + s[1:]
for f, routes in d['out'].items():
    area = os.path.basename(f).replace('.routes.ts', '')
    names = {}  # zod -> name
    used = set()
    defs = []
    inserts = []
    needs_file = needs_empty = False
    for r in routes:
        z = r['zod']
        if r['note'] == 'EMPTY':
            inserts.append((r['pos'], f"response: {{ 204: NoContent }},")); needs_empty = True; continue
        if z in ('BINARY', 'NONE') or r['note'] == 'NOSEND':
            inserts.append((r['pos'], f"response: {{ 200: FileBody }},")); needs_file = True; continue
        if 'send:string' in r['note']:
            print('MANUAL', r['url']); continue
        if z not in names:
            base = pascal(r['fn'] or 'Unnamed') + 'View'
            name = base; i = 2
            while name in used: name = f"{base}{i}"; i += 1
            used.add(name); names[z] = name
            defs.append(f"export const {name} = {z};")
        inserts.append((r['pos'], f"response: {{ {r['status']}: {names[z]} }},"))
    src = open(f).read()
    for pos, text in sorted(inserts, reverse=True):
        assert src[pos] == '{', (f, pos)
        src = src[:pos+1] + ' ' + text + src[pos+1:]
    imports = []
    if defs:
        vf = f"{area}.views.ts"
        body = "\n\n".join(defs)
        head = "/** Response schemas of the " + area + " routes (what the API presents; OpenAPI and the web's types come from them). */\nimport { z } from 'zod';\n"
        if 'RubricView' in body: head += "import { RubricView } from './views.ts';\n"
        open(root + vf, 'w').write(head + "\n" + body + "\n")
        imports.append(f"import {{ {', '.join(sorted(names.values()))} }} from './{vf}';")
    extra = [n for n, b in (('FileBody', needs_file), ('NoContent', needs_empty)) if b]
    if extra:
        imports.append(f"import {{ {', '.join(extra)} }} from './views.ts';")
    # insert imports after last import line
    lines = src.split('\n')
    last = max(i for i, l in enumerate(lines) if l.startswith('import ') or l.startswith("} from '"))
    lines[last+1:last+1] = imports
    open(f, 'w').write('\n'.join(lines))
print(d['rubricZod'][:50])
