// Resolves the @amparo/* path aliases for Node tools that run TypeScript sources directly (the
// TypeORM CLI, ts-node scripts, jest's global setup). tsconfig-paths cannot read them alone:
// TypeScript 6 forbids the baseUrl it expects.
const { register } = require('tsconfig-paths');
const { paths, root } = require('./path-aliases');

register({ baseUrl: root, paths });
