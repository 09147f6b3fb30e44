/** The demo's web channel: a widget open every day, its canned responses; the demo page shows it. */
import type { ChannelService } from './channels-service.ts';
import type { DeskService } from './desk-service.ts';

/** The demo channel's public key, fixed so that its demo page has a known address. */
export const DEMO_CHANNEL_KEY = 'wc_servicenter-demo';

const ALL_WEEK = {
  weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' })),
  holidays: [],
};

const CANNED = [
  {
    shortcut: 'saludo',
    title: 'Saludo',
    body: 'Hola {customer.first_name}, soy {agent.first_name}.',
    language: 'es' as const,
  },
  {
    shortcut: 'despedida',
    title: 'Despedida',
    body: 'Gracias por escribirnos, {customer.first_name}. ¡Feliz viaje!',
    language: 'es' as const,
  },
  {
    shortcut: 'hello',
    title: 'Hello',
    body: 'Hi {customer.first_name}, this is {agent.first_name}.',
    language: 'en' as const,
  },
];

/**
 * Seeds the demo web channel (queues `chat` and `callbacks`, which the caller creates first) and canned
 * responses. Open all week, so that the demo chats whenever an agent is available.
 */
export async function seedDemoChat(
  services: { channels: ChannelService; desk: DeskService },
  workspaceId: string,
) {
  const channel = await services.channels.create(
    workspaceId,
    {
      name: 'Servicenter Tours',
      allowedOrigins: [],
      settings: {
        hours: ALL_WEEK,
        greeting: {
          es: '¡Hola! ¿Planeas un viaje por Santander? Busca en la ayuda o escríbenos.',
          en: 'Hi! Planning a trip around Santander? Search our help or write to us.',
        },
        requestCategories: ['reservas', 'pagos', 'otro'],
      },
    },
    DEMO_CHANNEL_KEY,
  );
  for (const canned of CANNED) await services.desk.addCanned(workspaceId, canned);
  return channel;
}
