/**
 * The supervisor's and reports screens' strings, Spanish and English, in their own i18next namespace
 * (`supervisor`); `useSupervisorT()` translates with keys checked by TypeScript.
 */
import { featureTranslator, type Leaves } from '../../i18n/feature.ts';

export const es = {
  wallboard: {
    title: 'Tablero en vivo',
    description: 'Colas, agentes y cifras de hoy, al instante.',
    bigScreen: 'Pantalla grande',
    exitBigScreen: 'Salir de pantalla grande',
    shortcutHint: 'Atajo: b pantalla grande · Esc salir',
    empty: 'Aún no hay colas. Créelas en la configuración de enrutamiento.',
    alert: 'Alerta: {{queue}} está en rojo',
    live: 'En vivo',
    quality: 'Calidad',
  },
  queue: {
    waiting: 'En espera',
    longestWait: 'Espera más larga',
    serviceLevel: 'Nivel de servicio',
    asa: 'Vel. media de respuesta',
    abandonRate: 'Abandono',
    offered: 'Ofrecidas',
    answered: 'Atendidas',
  },
  agents: {
    title: 'Agentes',
    empty: 'Ningún agente ha iniciado sesión en el enrutamiento.',
    agent: 'Agente',
    state: 'Estado',
    since: 'Desde hace',
    work: 'Interacciones',
    actions: 'Acciones',
    makeAvailable: 'Disponible',
    makeOffline: 'Desconectar',
    available: 'Disponibles',
    busy: 'Ocupados',
    wrapUp: 'En cierre',
    notReady: 'No disponibles',
    watch: 'Observar',
  },
  status: {
    offline: 'Desconectado',
    available: 'Disponible',
    busy: 'Ocupado',
    wrap_up: 'En cierre',
    not_ready: 'No disponible',
  },
  watch: {
    title: 'Observación silenciosa',
    whisper: 'Nota privada al agente',
    send: 'Enviar',
    sent: 'Nota enviada',
    noMessages: 'Aún no hay mensajes.',
    internal: 'Nota interna',
  },
  reports: {
    title: 'Informes',
    description: 'Cifras por intervalo, día, semana o mes; por cola, canal, equipo o agente.',
    from: 'Desde',
    to: 'Hasta',
    grain: 'Periodo',
    by: 'Agrupar por',
    run: 'Ver informe',
    csv: 'Descargar CSV',
    intraday: 'Hoy por 15 minutos',
    empty: 'No hubo contactos en ese periodo.',
    total: 'Total',
    noKey: '(sin asignar)',
    chartVolume: 'Contactos',
    chartService: 'Nivel de servicio (%)',
  },
  grain: { interval: '15 minutos', day: 'Día', week: 'Semana', month: 'Mes' },
  by: { total: 'Total', queue: 'Cola', channel: 'Canal', team: 'Equipo', agent: 'Agente' },
  columns: {
    period: 'Periodo',
    key: 'Grupo',
    offered: 'Ofrecidas',
    answered: 'Atendidas',
    abandoned: 'Abandonadas',
    serviceLevel: 'NS',
    asa: 'VMR (s)',
    aht: 'TMO (s)',
    occupancy: 'Ocupación',
    csat: 'CSAT',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const en: Strings<typeof es> = {
  wallboard: {
    title: 'Live wallboard',
    description: 'Queues, agents and today’s figures, as they happen.',
    bigScreen: 'Big screen',
    exitBigScreen: 'Leave big screen',
    shortcutHint: 'Shortcut: b big screen · Esc leave',
    empty: 'No queues yet. Create them in the routing settings.',
    alert: 'Alert: {{queue}} is red',
    live: 'Live',
    quality: 'Quality',
  },
  queue: {
    waiting: 'Waiting',
    longestWait: 'Longest wait',
    serviceLevel: 'Service level',
    asa: 'Avg. speed of answer',
    abandonRate: 'Abandonment',
    offered: 'Offered',
    answered: 'Answered',
  },
  agents: {
    title: 'Agents',
    empty: 'No agent has logged in to routing.',
    agent: 'Agent',
    state: 'State',
    since: 'For',
    work: 'Interactions',
    actions: 'Actions',
    makeAvailable: 'Available',
    makeOffline: 'Log out',
    available: 'Available',
    busy: 'Busy',
    wrapUp: 'Wrap-up',
    notReady: 'Not ready',
    watch: 'Watch',
  },
  status: {
    offline: 'Offline',
    available: 'Available',
    busy: 'Busy',
    wrap_up: 'Wrap-up',
    not_ready: 'Not ready',
  },
  watch: {
    title: 'Silent watch',
    whisper: 'Private note to the agent',
    send: 'Send',
    sent: 'Note sent',
    noMessages: 'No messages yet.',
    internal: 'Internal note',
  },
  reports: {
    title: 'Reports',
    description: 'Figures by interval, day, week or month; by queue, channel, team or agent.',
    from: 'From',
    to: 'To',
    grain: 'Period',
    by: 'Group by',
    run: 'Show report',
    csv: 'Download CSV',
    intraday: 'Today by 15 minutes',
    empty: 'There were no contacts in that period.',
    total: 'Total',
    noKey: '(unassigned)',
    chartVolume: 'Contacts',
    chartService: 'Service level (%)',
  },
  grain: { interval: '15 minutes', day: 'Day', week: 'Week', month: 'Month' },
  by: { total: 'Total', queue: 'Queue', channel: 'Channel', team: 'Team', agent: 'Agent' },
  columns: {
    period: 'Period',
    key: 'Group',
    offered: 'Offered',
    answered: 'Answered',
    abandoned: 'Abandoned',
    serviceLevel: 'SL',
    asa: 'ASA (s)',
    aht: 'AHT (s)',
    occupancy: 'Occupancy',
    csat: 'CSAT',
  },
};

export const NAMESPACE = 'supervisor';

export type SupervisorKey = Leaves<typeof es>;

/**
 * Translates the supervisor screens' keys in the interface language.
 * @example const t = useSupervisorT(); t('wallboard.title')
 */
export const useSupervisorT = featureTranslator(NAMESPACE, es, en);
