#!/usr/bin/env node
// File names: kebab-case; in a server module, `<module>.<role>.ts` from a closed list of roles;
// no grab-bag names (utils, helpers, common, misc). See docs/architecture.md.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const roots = ['server', 'web', 'shared', 'scripts', 'e2e'];
const roles = ['tables', 'schemas', 'routes', 'service', 'errors', 'jobs', 'probes', 'figures', 'page', 'test', 'e2e'];
const banned = /(^|[.-])(utils?|helpers?|common|misc)([.-]|$)/;
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*\.(ts|tsx|js|json|html|css|svg|md|txt|sql|grit)$/;
const problems = [];

function walk(folder) {
  for (const name of readdirSync(folder)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      if (banned.test(name)) problems.push(`${relative('.', path)}: grab-bag folder name`);
      walk(path);
      continue;
    }
    if (!kebab.test(name) && !/^[a-z]{2}(-[A-Z]{2})?\.json$/.test(name)) problems.push(`${relative('.', path)}: not kebab-case`);
    if (banned.test(name)) problems.push(`${relative('.', path)}: grab-bag file name`);
    const moduleMatch = /^server\/modules\/([^/]+)\/([^/]+)$/.exec(relative('.', path));
    if (moduleMatch) {
      const [, moduleName, fileName] = moduleMatch;
      const parts = fileName.replace(/\.ts$/, '').split('.');
      const isIndex = fileName === 'index.ts';
      const isRoleFile = parts[0] === moduleName && parts.slice(1).every((part) => roles.includes(part)) && parts.length >= 2;
      if (!isIndex && !isRoleFile) problems.push(`${relative('.', path)}: expected ${moduleName}.<${roles.join('|')}>.ts`);
    }
  }
}

for (const root of roots) {
  try {
    walk(root);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('file names ok');
