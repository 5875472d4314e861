// Resolves the @amparo/* path aliases for Node tools that run TypeScript sources directly (the
// TypeORM CLI, jest's global setup). tsconfig-paths cannot read them alone: TypeScript 6 forbids
// the baseUrl it expects.
const { register } = require('tsconfig-paths');
const { join } = require('node:path');
const { compilerOptions } = require('../tsconfig.json');

register({ baseUrl: join(__dirname, '..'), paths: compilerOptions.paths });
