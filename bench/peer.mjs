// The peer of `npm run bench`: PostGraphile 5 serving the list and young person pages' data over
// the same database, as a process of its own (like the server). Started by bench/run.mjs with
// DATABASE_URL and PORT; prints "ready <port>" once it listens. Benchmark databases only.

import { createServer } from 'node:http';

// PostGraphile 5.1 (grafast, @dataplan/pg) declares Node >= 22 and calls Promise.withResolvers(),
// which Node 20 lacks: without it every database-backed field fails ("Cannot read properties of
// undefined (reading 'items')"). The standard polyfill below is all it needs here.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
const { postgraphile } = await import('postgraphile');
const { makePgService } = await import('postgraphile/adaptors/pg');
const { grafserv } = await import('postgraphile/grafserv/node');
const { PostGraphileAmberPreset } = await import('postgraphile/presets/amber');

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT ?? 0);
if (!url) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}

/** @type {import('postgraphile').GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: url, schemas: ['bench_peer'], poolConfig: { max: Number(process.env.DATABASE_POOL_SIZE ?? 10) } })],
  grafserv: { port, graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
  schema: { pgForbidSetofFunctionsToReturnNull: true },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once('listening', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : port}\n`);
});
await serv.addTo(server);
server.listen(port, '127.0.0.1');

const stop = async () => {
  server.close();
  await pgl.release();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
