import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { roles as allRoles, type Role } from '../shared/roles.ts';
import { configOrExit, openPlatform, start } from './main.ts';
import { createUser } from './platform/accounts/accounts.service.ts';
import { generateInitialPassword } from './platform/accounts/initial-password.ts';
import { verifyAuditChain } from './platform/audit/audit.service.ts';
import { endSessionsOf } from './platform/auth/auth.service.ts';
import { appUser } from './platform/auth/auth.tables.ts';
import { hashPassword } from './platform/auth/passwords.ts';
import { checkPasswordPolicy } from './platform/auth/rules/password-policy.ts';
import { systemContext } from './platform/http/context.ts';

const usage = `zhijian — 智监 smart market-supervision platform

  zhijian start                         serve the web app and API (npm start)
  zhijian migrate                       apply pending database migrations and exit
  zhijian user create --username U --name N --roles r1,r2 [--password P]
  zhijian user reset --username U       give U a new one-time password, unlock, end sessions
  zhijian audit verify                  check the audit hash chain; exit 1 naming the first broken link
  zhijian backup FILE                   write a consistent dump of the database to FILE (.jsonl.gz)
  zhijian restore FILE                  load a dump into an empty database
  zhijian demo [--scale N] [--seed S]   generate the demo district into an empty database
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
        if (values.password && checkPasswordPolicy(values.password, { username: values.username }).length) {
          fail('--password does not meet the policy (≥ 12 characters, 3 of 4 character classes, not common)');
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
          const ctx = systemContext(platform, 'cli');
          const [user] = await ctx.db
            .select()
            .from(appUser)
            .where(eq(appUser.username, values.username as string));
          if (!user) fail(`no user ${values.username}`);
          const password = generateInitialPassword();
          await ctx.db
            .update(appUser)
            .set({
              passwordHash: await hashPassword(password),
              mustChangePassword: true,
              failedLogins: 0,
              lockedUntil: null,
              isDisabled: false,
            })
            .where(eq(appUser.id, user.id));
          await endSessionsOf(ctx, user);
          console.log(`Reset ${user.username}; one-time password: ${password}`);
        });
      }
      return fail(`unknown: user ${subcommand ?? ''}\n\n${usage}`);
    }
    case 'audit': {
      if (subcommand !== 'verify') return fail(usage);
      return withPlatform(async (platform) => {
        const report = await verifyAuditChain(platform.database.db, platform.crypto);
        if (report.ok) {
          console.log(`Audit chain intact: ${report.checked} events checked.`);
          return;
        }
        const broken = report.firstBroken;
        console.error(`Audit chain BROKEN: first bad link is district ${broken?.districtCode} seq ${broken?.seq} (${broken?.reason}).`);
        process.exitCode = 1;
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
      const { values } = parseArgs({ args: argv.slice(1), options: { scale: { type: 'string' }, seed: { type: 'string' } } });
      const { seedDemoCommand } = await import('./demo/seed-on-start.ts');
      return withPlatform((platform) =>
        seedDemoCommand(platform, { scale: Number(values.scale ?? 1), seed: values.seed ?? 'zhijian-2020' }),
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
