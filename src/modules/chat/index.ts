/**
 * Chat: web channels, their embeddable widget's API, live chat with its delivery guarantees, call-backs,
 * messages left and service requests from the widget, and the desk's chat API. See docs/chat.md.
 */
import type { RealtimeHub } from '../../platform/realtime/hub.ts';
import { createChannelService } from './channels-service.ts';
import { type ChatDeps, createChatContext } from './context.ts';
import { createConversationService } from './conversations-service.ts';
import { seedDemoChat } from './demo.ts';
import { deskRoutes } from './desk-routes.ts';
import { createDeskService } from './desk-service.ts';
import { createIntakeService } from './intake-service.ts';
import { visitorContactRoutes } from './visitor-contact-routes.ts';
import { visitorRoutes } from './visitor-routes.ts';
import { createVisitorService } from './visitors-service.ts';
import { widgetFrameRoutes } from './widget-frame.ts';

export type { ChatDeps } from './context.ts';
export { DEMO_CHANNEL_KEY } from './demo.ts';
export { signIdentity } from './tokens.ts';

/**
 * Wires the chat module. `routes` mount under /api/v1; `frame` serves the widget's iframe page at the root.
 * @example
 * const chat = createChat({ ...base, mailer, publicUrl, workspaces, customers, interactions, messages, router, routing: routing.service, users }, hub);
 * for (const r of chat.routes) await api.register(r);
 */
export function createChat(deps: ChatDeps, hub: Pick<RealtimeHub, 'serve' | 'registerTopic'>) {
  const ctx = createChatContext(deps);
  const channels = createChannelService(ctx);
  const visitors = createVisitorService(ctx);
  const conversations = createConversationService(ctx, visitors);
  const intake = createIntakeService(ctx, visitors, conversations);
  const desk = createDeskService(ctx, conversations);
  // `chat:<id>` is what a visitor's widget listens to; the desk listens to `interaction:<id>`.
  hub.registerTopic('chat', async (p, id) => {
    if (p.role !== 'visitor') return p.permissions.has('interactions.read');
    const visitor = await visitors.byId(p.workspaceId, p.userId);
    if (!visitor) return false;
    return conversations.load({ kind: 'visitor', visitor }, id).then(
      () => true,
      () => false,
    );
  });
  return {
    services: { channels, visitors, conversations, intake, desk },
    routes: [
      visitorRoutes({ ctx, visitors, conversations, intake, hub }),
      visitorContactRoutes({ visitors, intake }),
      deskRoutes({ channels, conversations, desk, intake }),
    ],
    frame: widgetFrameRoutes(ctx),
    /** Seeds the demo web channel and canned responses; its queues `chat` and `callbacks` must exist. */
    seedDemo: (workspaceId: string) => seedDemoChat({ channels, desk }, workspaceId),
  };
}

export type Chat = ReturnType<typeof createChat>;
