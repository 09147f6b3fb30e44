import { type App, buildApp } from '../app.ts';
import { DEMO_SLUG, seedDemo } from '../seed/demo.ts';
import { configFrom, openMigrated } from './context.ts';
import { type Io, UsageError } from './usage.ts';

type Flags = Record<string, string | boolean | undefined>;

export async function migrateCommand(flags: Flags, io: Io): Promise<number> {
  const database = await openMigrated(configFrom(flags as Record<string, string>));
  await database.close();
  io.stdout('Database is up to date.\n');
  return 0;
}

export async function seedCommand(flags: Flags, io: Io): Promise<number> {
  if (!flags.demo) throw new UsageError('Say what to seed: atiende seed --demo');
  return withServices(flags, async (services) => {
    const seeded = await seedDemo(services, (step) => io.stdout(`Seeding ${step}…\n`));
    io.stdout(
      seeded
        ? 'Demo workspace "servicenter" created.\n'
        : 'Demo workspace "servicenter" already exists; nothing to do.\n',
    );
    return 0;
  });
}

export async function userCreateCommand(flags: Flags, io: Io): Promise<number> {
  const { email, password, role } = flags;
  if (typeof email !== 'string' || typeof password !== 'string' || typeof role !== 'string') {
    throw new UsageError('user create needs --email E --password P --role R [--name N] [--workspace SLUG]');
  }
  const slug = typeof flags.workspace === 'string' ? flags.workspace : DEMO_SLUG;
  return withServices(flags, async (services) => {
    const workspace = await services.workspaces.findBySlug(slug);
    if (!workspace) {
      io.stderr(
        `No workspace "${slug}". Seed the demo (atiende seed --demo) or name one with --workspace.\n`,
      );
      return 1;
    }
    const name = typeof flags.name === 'string' ? flags.name : email.split('@')[0]!;
    const user = await services.identity.users.create(workspace.id, { email, password, role, name }, null);
    io.stdout(`Created ${user.role} ${user.email} in workspace ${slug} (id ${user.id}).\n`);
    return 0;
  });
}

async function withServices(
  flags: Flags,
  work: (services: App['services']) => Promise<number>,
): Promise<number> {
  const config = { ...configFrom(flags as Record<string, string>), logLevel: 'warn' as const };
  const database = await openMigrated(config);
  const { app, services } = await buildApp(config, { database });
  try {
    return await work(services);
  } finally {
    await app.close();
    await database.close();
  }
}
