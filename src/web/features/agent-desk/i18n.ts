/**
 * The agent desk's strings, Spanish and English, in their own i18next namespace (`desk`); `useDeskT()`
 * translates with keys checked by TypeScript.
 */
import { featureTranslator, type Leaves } from '../../i18n/feature.ts';

const NAMESPACE = 'desk';

export const es = {
  title: 'Escritorio',
  state: {
    label: 'Estado',
    available: 'Disponible',
    not_ready: 'No disponible',
    offline: 'Desconectado',
    busy: 'Ocupado',
    wrap_up: 'Cierre',
    reason: 'Motivo',
  },
  reasons: {
    break: 'Pausa',
    lunch: 'Almuerzo',
    training: 'Capacitación',
    meeting: 'Reunión',
    back_office: 'Back office',
  },
  capacity: 'Capacidad en uso: {{used}} de {{total}} · chats {{chats}} de {{maxChats}}',
  offer: {
    title: 'Nueva conversación',
    accept: 'Aceptar (A)',
    decline: 'Rechazar (D)',
    expires: 'Vence en {{seconds}} s',
    revoked: {
      taken: 'Otro agente tomó la conversación que se le ofrecía.',
      abandoned: 'El cliente se fue antes de que aceptara la conversación.',
      expired: 'La oferta venció sin respuesta.',
    },
  },
  tabs: {
    callbacks: 'Devoluciones de llamada',
    empty: 'Sin conversaciones. Póngase disponible para recibir ofertas.',
  },
  chat: {
    placeholder: 'Escriba una respuesta; «/» busca respuestas predefinidas',
    note: 'Nota interna',
    send: 'Enviar',
    end: 'Terminar chat',
    transfer: 'Transferir',
    history: 'Historial del cliente en todos los canales',
    typing: 'El cliente está escribiendo…',
    internal: 'Nota interna',
    customer: 'Cliente',
    agent: 'Agente',
    read: 'Leído',
    delivered: 'Entregado',
    sent: 'Enviado',
    closed: 'El chat terminó.',
  },
  transfer: {
    title: 'Transferir la conversación',
    queue: 'A la cola',
    agent: 'O a un agente',
    loading: 'Cargando agentes…',
    noAgents: 'Ningún otro agente está conectado.',
    note: 'Nota para el siguiente agente',
    submit: 'Transferir',
  },
  wrapUp: {
    title: 'Cierre de la conversación',
    disposition: 'Tipificación',
    notes: 'Notas',
    submit: 'Cerrar',
    codes: {
      resolved: 'Resuelto',
      follow_up: 'Requiere seguimiento',
      info: 'Información',
      complaint: 'Queja',
      sale: 'Venta',
    },
  },
  customer: {
    title: 'Cliente',
    tier: 'Nivel de valor: {{tier}}',
    open: 'Interacciones abiertas',
    timeline: 'Historia',
    none: 'Nada aún.',
    profile: 'Abrir ficha',
  },
  callbacks: {
    title: 'Devoluciones de llamada',
    empty: 'No hay llamadas por devolver.',
    window: 'Ventana',
    due: 'Ya toca',
    outcome: 'Resultado',
    done: 'Registrar llamada',
    reschedule: 'Reprogramar',
    outcomes: {
      reached: 'Contactado',
      no_answer: 'No contesta',
      wrong_number: 'Número equivocado',
      voicemail: 'Buzón de voz',
    },
    inRouting: 'En cola: se ofrecerá a un agente',
    call: 'Llamar al {{phone}}',
    notes: 'Notas de la llamada',
  },
  assist: {
    idle: 'Seleccione una conversación para ver respuestas sugeridas y el guion.',
    answers: 'Respuestas sugeridas',
    script: 'Guion',
    noScript: 'Ningún guion aplica a esta interacción.',
    openScript: 'Abrir el guion «{{name}}»',
  },
  error: 'No se pudo completar: {{message}}',
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof es> = {
  title: 'Desk',
  state: {
    label: 'State',
    available: 'Available',
    not_ready: 'Not ready',
    offline: 'Offline',
    busy: 'Busy',
    wrap_up: 'Wrap-up',
    reason: 'Reason',
  },
  reasons: {
    break: 'Break',
    lunch: 'Lunch',
    training: 'Training',
    meeting: 'Meeting',
    back_office: 'Back office',
  },
  capacity: 'Capacity in use: {{used}} of {{total}} · chats {{chats}} of {{maxChats}}',
  offer: {
    title: 'New conversation',
    accept: 'Accept (A)',
    decline: 'Decline (D)',
    expires: 'Expires in {{seconds}} s',
    revoked: {
      taken: 'Another agent took the conversation you were offered.',
      abandoned: 'The customer left before you accepted the conversation.',
      expired: 'The offer expired unanswered.',
    },
  },
  tabs: { callbacks: 'Call-backs', empty: 'No conversations. Become available to receive offers.' },
  chat: {
    placeholder: 'Type a reply; "/" searches canned responses',
    note: 'Internal note',
    send: 'Send',
    end: 'End chat',
    transfer: 'Transfer',
    history: "The customer's history on every channel",
    typing: 'The customer is typing…',
    internal: 'Internal note',
    customer: 'Customer',
    agent: 'Agent',
    read: 'Read',
    delivered: 'Delivered',
    sent: 'Sent',
    closed: 'The chat has ended.',
  },
  transfer: {
    title: 'Transfer the conversation',
    queue: 'To the queue',
    agent: 'Or to an agent',
    loading: 'Loading agents…',
    noAgents: 'No other agent is logged in.',
    note: 'Note for the next agent',
    submit: 'Transfer',
  },
  wrapUp: {
    title: 'Wrap-up',
    disposition: 'Disposition',
    notes: 'Notes',
    submit: 'Close',
    codes: {
      resolved: 'Resolved',
      follow_up: 'Needs follow-up',
      info: 'Information',
      complaint: 'Complaint',
      sale: 'Sale',
    },
  },
  customer: {
    title: 'Customer',
    tier: 'Value tier: {{tier}}',
    open: 'Open interactions',
    timeline: 'History',
    none: 'Nothing yet.',
    profile: 'Open profile',
  },
  callbacks: {
    title: 'Call-backs',
    empty: 'No calls to return.',
    window: 'Window',
    due: 'Due now',
    outcome: 'Outcome',
    done: 'Record the call',
    reschedule: 'Reschedule',
    outcomes: {
      reached: 'Reached',
      no_answer: 'No answer',
      wrong_number: 'Wrong number',
      voicemail: 'Voicemail',
    },
    inRouting: 'Queued: it will be offered to an agent',
    call: 'Call {{phone}}',
    notes: 'Notes on the call',
  },
  assist: {
    idle: 'Select a conversation to see suggested answers and its script.',
    answers: 'Suggested answers',
    script: 'Script',
    noScript: 'No script applies to this interaction.',
    openScript: 'Open the script “{{name}}”',
  },
  error: 'Could not complete: {{message}}',
};

export type DeskKey = Leaves<typeof es>;

/**
 * Translates the desk's keys in the interface language.
 * @example const t = useDeskT(); t('offer.expires', { seconds: 12 })
 */
export const useDeskT = featureTranslator(NAMESPACE, es, en);
