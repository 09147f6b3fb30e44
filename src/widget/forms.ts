/** The widget's forms: before a chat, call me, leave a message, service request, and the visitor's requests. */
import { api, clientId } from './api.ts';
import { clear, h } from './dom.ts';
import { type Key, language, t } from './i18n.ts';

export interface WidgetConfig {
  name: string;
  language: 'es' | 'en';
  colors: { primary: string; text: string };
  logoUrl: string | null;
  greeting: { es: string; en: string };
  preChatFields: {
    key: string;
    label: { es: string; en: string };
    type: 'text' | 'email' | 'phone';
    required: boolean;
  }[];
  requestCategories: string[];
  availability: { open: boolean; reason: 'closed' | 'nobody' | null };
  /** While chat is not open: leave a message, also "call me", or no chat at all. */
  whenOffline: 'leave_message' | 'leave_message_or_callback' | 'hide';
  knowledgeSearch: boolean;
  helpCenter: string | null;
}

interface RequestView {
  id: string;
  reference: string;
  state: string;
  scheduledFor: string | null;
  kind?: string;
}

const field = (label: string, control: HTMLElement) =>
  h('label', { class: 'field' }, h('span', {}, label), control);
const problem = () => h('div', { class: 'problem', role: 'alert' });
const fail = (box: HTMLElement) => (e: Error) => {
  box.textContent = t('error', { message: e.message });
};

/** Pre-chat fields and the first message; answers what the chat needs to start. */
export function preChatForm(
  root: HTMLElement,
  config: WidgetConfig,
  onStart: (input: {
    message: string;
    fields: Record<string, string>;
    contact: Record<string, string>;
  }) => Promise<void>,
) {
  const inputs = config.preChatFields.map((f) => ({
    f,
    el: h('input', { type: f.type === 'phone' ? 'tel' : f.type, required: f.required, name: f.key }),
  }));
  const message = h('textarea', {
    rows: '3',
    required: true,
    name: 'message',
    placeholder: t('placeholder'),
  });
  const box = problem();
  const form = h(
    'form',
    {
      onsubmit: (e: Event) => {
        e.preventDefault();
        const fields: Record<string, string> = {};
        for (const { f, el } of inputs) if (el.value.trim()) fields[f.key] = el.value.trim();
        const contact: Record<string, string> = {};
        if (fields.name) contact.name = fields.name;
        if (fields.email) contact.email = fields.email;
        void onStart({ message: message.value.trim(), fields, contact }).catch(fail(box));
      },
    },
    ...inputs.map(({ f, el }) => field(f.label[language()], el)),
    field(t('note'), message),
    box,
    h('button', { type: 'submit', class: 'primary' }, t('start')),
  );
  clear(root);
  root.append(form);
}

const localInput = (d: Date) =>
  new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** "Call me": a number and a time window. */
export function callbackForm(root: HTMLElement) {
  const phone = h('input', { type: 'tel', required: true, name: 'phone' });
  const start = h('input', {
    type: 'datetime-local',
    required: true,
    name: 'from',
    value: localInput(new Date(Date.now() + 15 * 60_000)),
  });
  const end = h('input', {
    type: 'datetime-local',
    required: true,
    name: 'to',
    value: localInput(new Date(Date.now() + 75 * 60_000)),
  });
  const note = h('textarea', { rows: '2', name: 'note' });
  const box = problem();
  const id = clientId();
  clear(root);
  root.append(
    h(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          const from = new Date(start.value);
          const to = new Date(end.value);
          void api<RequestView>('POST', '/chat/visitor/callbacks', {
            clientId: id,
            phone: phone.value,
            windowStart: from.toISOString(),
            windowEnd: to.toISOString(),
            ...(note.value ? { note: note.value } : {}),
          })
            .then((r) =>
              done(
                root,
                t('callbackDone', {
                  from: from.toLocaleString(),
                  to: to.toLocaleTimeString(),
                  ref: r.reference,
                }),
              ),
            )
            .catch(fail(box));
        },
      },
      field(t('phone'), phone),
      field(t('from'), start),
      field(t('to'), end),
      field(t('note'), note),
      box,
      h('button', { type: 'submit', class: 'primary' }, t('callMe')),
    ),
  );
}

/** Outside hours or with nobody there: a message answered by e-mail. */
export function leaveMessageForm(root: HTMLElement) {
  const email = h('input', { type: 'email', required: true, name: 'email' });
  const message = h('textarea', { rows: '4', required: true, name: 'message' });
  const box = problem();
  const id = clientId();
  clear(root);
  root.append(
    h('p', { class: 'offline-note' }, t('offline')),
    h(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          void api<RequestView>('POST', '/chat/visitor/leave-message', {
            clientId: id,
            message: message.value,
            contact: { email: email.value },
          })
            .then((r) => done(root, t('messageDone', { ref: r.reference })))
            .catch(fail(box));
        },
      },
      field(t('email'), email),
      field(t('note'), message),
      box,
      h('button', { type: 'submit', class: 'primary' }, t('leaveMessage')),
    ),
  );
}

/**
 * A service request: category, description, a file; confirmed with a reference number. The description
 * starts as `initial` (what the visitor searched for in the help center, when it came from there).
 */
export function serviceRequestForm(root: HTMLElement, config: WidgetConfig, initial: string) {
  const category = h(
    'select',
    { name: 'category' },
    ...config.requestCategories.map((c) => h('option', { value: c }, c)),
  );
  const description = h('textarea', { rows: '4', required: true, name: 'description' });
  description.value = initial;
  const email = h('input', { type: 'email', name: 'email' });
  const file = h('input', {
    type: 'file',
    name: 'file',
    accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain',
  });
  const box = problem();
  const id = clientId();
  clear(root);
  root.append(
    h(
      'form',
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          void (async () => {
            const chosen = file.files?.[0];
            const attachmentIds = chosen
              ? [
                  (
                    await api<{ id: string }>(
                      'POST',
                      `/chat/visitor/attachments?fileName=${encodeURIComponent(chosen.name)}`,
                      undefined,
                      { type: chosen.type, data: chosen },
                    )
                  ).id,
                ]
              : [];
            const r = await api<RequestView>('POST', '/chat/visitor/service-requests', {
              clientId: id,
              category: category.value,
              description: description.value,
              attachmentIds,
              ...(email.value ? { contact: { email: email.value } } : {}),
            });
            done(root, t('requestDone', { ref: r.reference }));
          })().catch(fail(box));
        },
      },
      field(t('category'), category),
      field(t('description'), description),
      field(t('email'), email),
      field(t('attach'), file),
      box,
      h('button', { type: 'submit', class: 'primary' }, t('request')),
    ),
  );
}

/** The visitor's requests and where each stands. */
export async function requestsList(root: HTMLElement) {
  clear(root);
  const { items } = await api<{ items: RequestView[] }>('GET', '/chat/visitor/requests');
  if (items.length === 0) {
    root.append(h('p', { class: 'empty' }, t('noRequests')));
    return;
  }
  root.append(
    h(
      'ul',
      { class: 'requests' },
      ...items.map((r) => h('li', {}, h('strong', {}, r.reference), ' · ', t(`state_${r.state}` as Key))),
    ),
  );
}

function done(root: HTMLElement, text: string) {
  clear(root);
  root.append(h('p', { class: 'done', role: 'status' }, text));
}
