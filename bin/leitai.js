#!/usr/bin/env node
// Runs the CLI compiled ahead of time into dist/node (`npm run build`, or `npm ci` through the
// prepare script): no TypeScript loader at run time.
let main;
try {
  ({ main } = await import('../dist/node/cli/main.js'));
} catch (error) {
  if (
    error?.code !== 'ERR_MODULE_NOT_FOUND' ||
    !String(error.message).includes('dist/node/cli/main.js')
  )
    throw error;
  process.stderr.write(
    'leitai 尚未编译，请先运行 npm run build (not built yet: run `npm run build`)\n',
  );
  process.exit(2);
}
process.exitCode = await main(process.argv.slice(2));
