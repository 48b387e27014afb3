/** The reference for bench/http.ts: a bare Fastify route answering a constant JSON body. */
import fs from 'node:fs';
import Fastify from 'fastify';

const body = fs.readFileSync(process.argv[2]!, 'utf8');
const app = Fastify({ logger: false });
app.get('/constant', (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${address}\n`);
