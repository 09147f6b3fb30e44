/**
 * The demo workspace: Servicenter, the contact center of a tourism company in Santander (Colombia), with
 * bookings, customer-care and telemarketing teams and a user of every role. Modules add their own demo data
 * through the steps listed here.
 */
import type { App } from '../app.ts';
import { seedDemoCustomers } from '../modules/customers/index.ts';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS = [
  { email: 'admin@servicenter.co', name: 'Adriana Rueda', role: 'admin' },
  { email: 'supervisor@servicenter.co', name: 'Sergio Pinzón', role: 'supervisor' },
  { email: 'agente@servicenter.co', name: 'Laura Gómez', role: 'agent' },
  { email: 'ventas@servicenter.co', name: 'Camilo Díaz', role: 'sales_rep' },
  { email: 'tecnico@servicenter.co', name: 'Jorge Ardila', role: 'technician' },
  { email: 'socio@servicenter.co', name: 'Viajes Chicamocha (socio)', role: 'partner' },
] as const;

export const DEMO_SLUG = 'servicenter';

/** Seeds the demo workspace unless it exists; returns whether it did. */
export async function seedDemo(
  services: App['services'],
  progress: (step: string) => void = () => {},
): Promise<boolean> {
  if (await services.workspaces.findBySlug(DEMO_SLUG)) return false;
  progress('workspace and users');
  const workspace = await services.identity.provisionWorkspace(
    {
      slug: DEMO_SLUG,
      name: 'Servicenter',
      timeZone: 'America/Bogota',
      defaultLanguage: 'es',
      defaultCountry: 'CO',
      businessHours: {
        weekly: [
          ...[1, 2, 3, 4, 5].map((day) => ({ day, open: '07:00', close: '20:00' })),
          { day: 6, open: '08:00', close: '14:00' },
        ],
        holidays: [
          { date: '2026-12-08', name: 'Inmaculada Concepción' },
          { date: '2026-12-25', name: 'Navidad' },
          { date: '2027-01-01', name: 'Año Nuevo' },
          { date: '2027-01-11', name: 'Reyes Magos' },
        ],
      },
    },
    DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD, language: 'es' as const })),
  );
  await seedDemoCustomers(services, workspace.id, progress);
  progress('help center');
  await services.knowledge.seedDemo(workspace.id);
  progress('scripts, offers and invoices');
  await services.scripting.seedDemo(workspace.id);
  progress('web chat');
  for (const [key, name, channel] of [
    ['chat', 'Chat web', 'chat'],
    ['callbacks', 'Devoluciones de llamada', 'callback'],
  ] as const)
    await services.routing.config.saveQueue(workspace.id, {
      key,
      name,
      targets: { [channel]: { percent: 80, seconds: channel === 'chat' ? 30 : 300 } },
      policy: {},
    });
  await services.chat.seedDemo(workspace.id);
  return true;
}
