import { parseArgs } from 'node:util';
import pino from 'pino';
import { roles as allRoles, type Role } from '../shared/roles.ts';
import { configOrExit, openPlatform, start } from './main.ts';
import { createUser, resetPasswordByUsername } from './platform/accounts/accounts.service.ts';
import { anchorAuditHeads, verifyAuditChain } from './platform/audit/audit.service.ts';
import { anchorFileOf, readAnchors } from './platform/audit/audit-anchors.ts';
import { passwordViolations } from './platform/auth/weak-passwords.ts';
import { systemContext } from './platform/http/context.ts';

const usage = `zhijian — 智监 smart market-supervision platform

  zhijian start                         serve the web app and API (npm start)
  zhijian migrate                       apply pending database migrations and exit
  zhijian user create --username U --name N --roles r1,r2 [--password P]
  zhijian user reset --username U       give U a new one-time password, unlock, end sessions
  zhijian audit verify                  check the audit hash chains and their anchors; exit 1 naming every broken link
  zhijian audit anchor                  record the chain heads in the anchor file (ZHIJIAN_AUDIT_ANCHOR_FILE)
  zhijian reseal                        after a key rotation: seal every value again with the current key (the
                                        server also does this by itself at start while ZHIJIAN_DATA_KEY_PREVIOUS is set)
  zhijian backup FILE                   write a consistent dump of the database to FILE (.jsonl.gz)
  zhijian restore FILE                  load a dump into an empty database
  zhijian demo [--scale N] [--seed S] [--today YYYY-MM-DD]
                                        generate the demo district into an empty database (its life runs
                                        from 2019 up to today, or up to the day given)
  zhijian bench                         run the benchmarks and write docs/benchmarks.md
  zhijian draw verify FILE              recompute a published random draw (JSON) and check it; exit 1 on mismatch

Configuration comes from the environment: see docs/operations.md.`;

async function withPlatform<T>(work: (platform: Awaited<ReturnType<typeof openPlatform>>) => Promise<T>): Promise<T> {
  const config = configOrExit();
  const platform = await openPlatform(config, pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL }));
  try {
    return await work(platform);
  } finally {
    await platform.database.close();
  }
}

function fail(message: string): never {
  console.error(`zhijian: ${message}`);
  process.exit(1);
}

export async function main(argv: string[]): Promise<void> {
  const [command, subcommand, ...rest] = argv;
  switch (command) {
    case 'start': {
      const { seedDemoIfEmpty } = await import('./demo/seed-on-start.ts');
      return start({ seedDemo: seedDemoIfEmpty });
    }
    case 'migrate':
      return withPlatform(async (platform) => console.log(`Database ${platform.database.location} is migrated.`));
    case 'user': {
      const { values } = parseArgs({
        args: rest,
        options: { username: { type: 'string' }, name: { type: 'string' }, roles: { type: 'string' }, password: { type: 'string' } },
      });
      if (!values.username) fail('--username is required');
      if (subcommand === 'create') {
        const roles = (values.roles ?? '').split(',').filter(Boolean);
        const unknown = roles.filter((role) => !allRoles.includes(role as Role));
        if (!roles.length || unknown.length) fail(`--roles must list some of: ${allRoles.join(', ')}`);
        if (values.password && passwordViolations(values.password, { username: values.username, displayName: values.name }).length) {
          fail(
            '--password does not meet the policy (≥ 12 characters, 3 of 4 character classes, not common, not repetitive, not your name)',
          );
        }
        return withPlatform(async (platform) => {
          const created = await createUser(systemContext(platform, 'cli'), {
            districtCode: platform.config.ZHIJIAN_DISTRICT_CODE,
            username: values.username as string,
            displayName: values.name ?? (values.username as string),
            roles: roles as Role[],
            ...(values.password ? { passwordOverride: values.password } : {}),
          });
          console.log(`Created ${created.user.username}; password: ${created.initialPassword}`);
        });
      }
      if (subcommand === 'reset') {
        return withPlatform(async (platform) => {
          const reset = await resetPasswordByUsername(systemContext(platform, 'cli'), values.username as string);
          if (!reset) fail(`no user ${values.username}`);
          console.log(`Reset ${values.username}; one-time password: ${reset.initialPassword}`);
        });
      }
      return fail(`unknown: user ${subcommand ?? ''}\n\n${usage}`);
    }
    case 'audit': {
      if (subcommand === 'anchor') {
        return withPlatform(async (platform) => {
          const file = anchorFileOf(platform.config);
          const anchors = await anchorAuditHeads(systemContext(platform, 'cli'), file);
          console.log(`Anchored ${anchors.length} chain head(s) in ${file}.`);
        });
      }
      if (subcommand !== 'verify') return fail(usage);
      return withPlatform(async (platform) => {
        const file = anchorFileOf(platform.config);
        const anchors = readAnchors(file);
        const report = await verifyAuditChain(platform.database.db, platform.crypto, { anchors });
        if (report.ok) {
          console.log(`Audit chain intact: ${report.checked} events checked against ${anchors.length} anchor(s) in ${file}.`);
          return;
        }
        console.error(`Audit chain BROKEN: ${report.brokenCount} broken link(s):`);
        for (const link of report.broken) console.error(`  district ${link.districtCode} seq ${link.seq}: ${link.reason}`);
        if (report.brokenCount > report.broken.length) console.error(`  … and ${report.brokenCount - report.broken.length} more`);
        process.exitCode = 1;
      });
    }
    case 'reseal': {
      const { resealAll } = await import('./platform/crypto/reseal.ts');
      return withPlatform(async (platform) => {
        const counts = await resealAll(systemContext(platform, 'cli'));
        console.log(`Re-sealed ${counts.resealed} values in ${counts.columns} columns; ${counts.unreadable} made with an unknown key.`);
        if (counts.unreadable) process.exitCode = 1;
      });
    }
    case 'backup':
    case 'restore': {
      const file = subcommand;
      if (!file) return fail(`${command} needs a FILE`);
      const { backupDatabase, restoreDatabase } = await import('./db/backup.ts');
      return withPlatform(async (platform) => {
        if (command === 'backup') {
          const summary = await backupDatabase(platform.database, file);
          console.log(`Wrote ${summary.rows} rows of ${summary.tables} tables to ${file}.`);
        } else {
          const summary = await restoreDatabase(platform.database, file);
          console.log(`Restored ${summary.rows} rows of ${summary.tables} tables from ${file}.`);
        }
      });
    }
    case 'demo': {
      const { values } = parseArgs({
        args: argv.slice(1),
        options: { scale: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' } },
      });
      const { seedDemoCommand } = await import('./demo/seed-on-start.ts');
      return withPlatform((platform) =>
        seedDemoCommand(platform, { scale: Number(values.scale ?? 1), seed: values.seed ?? 'zhijian-2020', today: values.today }),
      );
    }
    case 'draw': {
      if (subcommand !== 'verify' || !rest[0]) return fail('usage: zhijian draw verify FILE');
      const { verifyDrawFile } = await import('./modules/random-inspections/verifier/verify-command.ts');
      process.exitCode = await verifyDrawFile(rest[0]);
      return;
    }
    case 'bench': {
      const { runBenchmarks } = await import('../scripts/bench/run-benchmarks.ts');
      return runBenchmarks(argv.slice(1));
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(usage);
      return;
    default:
      return fail(`unknown command ${command}\n\n${usage}`);
  }
}
