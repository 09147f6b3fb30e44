/**
 * The workforce screens' strings, Spanish and English, in their own i18next namespace (`workforce`), added
 * to the app's i18next when this module loads; `useWorkforceT()` translates with keys checked by TypeScript.
 */
import { featureTranslator, type Leaves } from '../../i18n/feature.ts';

export const es = {
  title: 'Planificación',
  description: 'Del historial al pronóstico, a los agentes por intervalo y a un plan publicado.',
  agentDescription: 'Los planes publicados de su centro: volumen esperado y agentes por intervalo.',
  series: {
    title: 'Historial',
    empty: 'Aún no hay historial. Impórtelo desde un CSV o constrúyalo con los contactos registrados.',
    queue: 'Cola',
    channel: 'Canal',
    interval: 'Intervalo',
    intervals: 'Intervalos',
    volume: 'Contactos',
    range: 'Desde – hasta',
    sources: 'Origen',
    minutes: '{{minutes}} min',
    source: { events: 'eventos', import: 'importado' },
  },
  import: {
    title: 'Importar historial',
    format: 'Formato',
    csv: 'CSV (timestamp,count[,aht_seconds])',
    bank: 'Registros por llamada (Anonymous Bank)',
    file: 'Archivo',
    submit: 'Importar',
    done: '{{intervals}} intervalos importados ({{volume}} contactos).',
  },
  rebuild: {
    submit: 'Construir desde eventos',
    done: '{{intervals}} intervalos de {{contacts}} contactos registrados.',
  },
  newPlan: {
    title: 'Nuevo plan',
    series: 'Serie',
    name: 'Nombre',
    horizon: 'Días a pronosticar',
    model: 'Modelo',
    modelC: 'Erlang C',
    modelA: 'Erlang A (con abandono)',
    serviceLevel: 'Nivel de servicio (%)',
    target: 'En segundos',
    patience: 'Paciencia media (s)',
    shrinkage: 'Reducción (%)',
    occupancy: 'Ocupación máxima (%)',
    concurrency: 'Chats a la vez',
    due: 'Plazo (minutos)',
    submit: 'Pronosticar y dimensionar',
  },
  plans: {
    title: 'Planes',
    empty: 'Aún no hay planes.',
    emptyAgent: 'Aún no hay planes publicados.',
    name: 'Plan',
    status: 'Estado',
    method: 'Método',
    created: 'Creado',
    open: 'Abrir',
  },
  status: { draft: 'Borrador', published: 'Publicado' },
  method: {
    seasonal_naive: 'Estacional ingenuo',
    weekday_mean: 'Media de 4 semanas',
    ets_profile: 'Suavizado (ETS) × perfil',
    holt_winters: 'Holt-Winters doble',
  },
  intraday: {
    title: 'Hoy',
    notToday: 'Este plan no tiene intervalos hoy.',
    now: 'Ahora: {{time}}',
    onDuty: '{{agents}} agentes conectados',
    noActuals: 'Aún no termina ningún intervalo de hoy.',
    factor: 'Hasta ahora, {{percent}} % de lo pronosticado: el resto del día se re-pronostica igual.',
    reforecast: 'Re-pronóstico',
    planShort:
      '{{time}}: el plan pone {{available}} agentes en cola y el re-pronóstico necesita {{required}}.',
    onDutyShort: '{{time}}: hay {{available}} agentes conectados y se necesitan {{required}}.',
  },
  simulation: {
    title: 'Validación por simulación',
    help: 'Los agentes del día pasan por el simulador de enrutamiento (el mismo motor que enruta en vivo) con llegadas al ritmo pronosticado.',
    run: 'Simular el día',
    predicted: 'Previsto (Erlang)',
    simulated: 'Simulado',
    target: 'Objetivo',
    total:
      'Nivel de servicio del día: simulado {{simulated}} %, previsto {{predicted}} % ({{offered}} llamadas en {{replications}} días simulados).',
  },
  plan: {
    back: 'Volver a planificación',
    day: 'Día',
    allDays: 'Todos',
    forecastTitle: 'Pronóstico y real',
    forecastHelp:
      'Línea continua: pronóstico; discontinuas: intervalo de predicción del {{level}} %; puntos: real.',
    staffingTitle: 'Agentes por intervalo',
    forecast: 'Pronóstico',
    lo: 'Mínimo',
    hi: 'Máximo',
    actual: 'Real',
    required: 'Necesarios',
    scheduled: 'Planificados',
    time: 'Intervalo',
    aht: 'TMO (s)',
    onQueue: 'En cola',
    serviceLevel: 'Nivel de servicio',
    adjusted: 'ajustado',
    save: 'Guardar ajustes',
    saveHint: 'Ctrl+S guarda',
    saved: 'Ajustes guardados.',
    publish: 'Publicar',
    published: 'Publicado el {{date}}.',
    publishedHint: 'Un plan publicado no cambia: cree uno nuevo para corregirlo.',
    delete: 'Borrar borrador',
    accuracyTitle: 'Precisión del pronóstico (prueba retrospectiva)',
    accuracyNone:
      'El historial es demasiado corto para una prueba retrospectiva: se usa la media de 4 semanas.',
    chosen: 'elegido',
    target: 'Objetivo: {{percent}} % en {{seconds}} s, reducción {{shrinkage}} %.',
    deferrable: 'Trabajo diferible: cada contacto se atiende antes de su plazo.',
    empty: 'Este plan no tiene intervalos abiertos.',
    badAgents: 'Un número entero de 0 a 100000.',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const en: Strings<typeof es> = {
  title: 'Workforce',
  description: 'From history to forecast, to agents per interval and to a published plan.',
  agentDescription: "Your centre's published plans: expected volume and agents per interval.",
  series: {
    title: 'History',
    empty: 'No history yet. Import it from a CSV or build it from the recorded contacts.',
    queue: 'Queue',
    channel: 'Channel',
    interval: 'Interval',
    intervals: 'Intervals',
    volume: 'Contacts',
    range: 'From – to',
    sources: 'Source',
    minutes: '{{minutes}} min',
    source: { events: 'events', import: 'imported' },
  },
  import: {
    title: 'Import history',
    format: 'Format',
    csv: 'CSV (timestamp,count[,aht_seconds])',
    bank: 'Per-call records (Anonymous Bank)',
    file: 'File',
    submit: 'Import',
    done: '{{intervals}} intervals imported ({{volume}} contacts).',
  },
  rebuild: {
    submit: 'Build from events',
    done: '{{intervals}} intervals from {{contacts}} recorded contacts.',
  },
  newPlan: {
    title: 'New plan',
    series: 'Series',
    name: 'Name',
    horizon: 'Days to forecast',
    model: 'Model',
    modelC: 'Erlang C',
    modelA: 'Erlang A (with abandonment)',
    serviceLevel: 'Service level (%)',
    target: 'Within seconds',
    patience: 'Mean patience (s)',
    shrinkage: 'Shrinkage (%)',
    occupancy: 'Maximum occupancy (%)',
    concurrency: 'Chats at once',
    due: 'Due within (minutes)',
    submit: 'Forecast and staff',
  },
  plans: {
    title: 'Plans',
    empty: 'No plans yet.',
    emptyAgent: 'No published plans yet.',
    name: 'Plan',
    status: 'Status',
    method: 'Method',
    created: 'Created',
    open: 'Open',
  },
  status: { draft: 'Draft', published: 'Published' },
  method: {
    seasonal_naive: 'Seasonal naive',
    weekday_mean: '4-week mean',
    ets_profile: 'Smoothing (ETS) × profile',
    holt_winters: 'Double Holt-Winters',
  },
  intraday: {
    title: 'Today',
    notToday: 'This plan has no intervals today.',
    now: 'Now: {{time}}',
    onDuty: '{{agents}} agents logged in',
    noActuals: 'No interval of today has ended yet.',
    factor: 'So far, {{percent}} % of the forecast: the rest of the day is re-forecast the same way.',
    reforecast: 'Re-forecast',
    planShort:
      '{{time}}: the plan puts {{available}} agents on the queue and the re-forecast needs {{required}}.',
    onDutyShort: '{{time}}: {{available}} agents are logged in and {{required}} are needed.',
  },
  simulation: {
    title: 'Validation by simulation',
    help: "The day's agents go through the routing simulator (the same engine that routes live) with arrivals at the forecast rate.",
    run: 'Simulate the day',
    predicted: 'Predicted (Erlang)',
    simulated: 'Simulated',
    target: 'Target',
    total:
      "The day's service level: simulated {{simulated}} %, predicted {{predicted}} % ({{offered}} calls over {{replications}} simulated days).",
  },
  plan: {
    back: 'Back to workforce',
    day: 'Day',
    allDays: 'All',
    forecastTitle: 'Forecast and actual',
    forecastHelp: 'Solid line: forecast; dashed: {{level}} % prediction interval; dots: actual.',
    staffingTitle: 'Agents per interval',
    forecast: 'Forecast',
    lo: 'Low',
    hi: 'High',
    actual: 'Actual',
    required: 'Required',
    scheduled: 'Planned',
    time: 'Interval',
    aht: 'AHT (s)',
    onQueue: 'On queue',
    serviceLevel: 'Service level',
    adjusted: 'adjusted',
    save: 'Save adjustments',
    saveHint: 'Ctrl+S saves',
    saved: 'Adjustments saved.',
    publish: 'Publish',
    published: 'Published on {{date}}.',
    publishedHint: 'A published plan does not change: create a new one to correct it.',
    delete: 'Delete draft',
    accuracyTitle: 'Forecast accuracy (backtest)',
    accuracyNone: 'The history is too short to backtest: the 4-week mean is used.',
    chosen: 'chosen',
    target: 'Target: {{percent}} % within {{seconds}} s, shrinkage {{shrinkage}} %.',
    deferrable: 'Deferrable work: every contact is handled before its due time.',
    empty: 'This plan has no open intervals.',
    badAgents: 'A whole number from 0 to 100000.',
  },
};

export const NAMESPACE = 'workforce';

export type WorkforceKey = Leaves<typeof es>;

/**
 * Translates the workforce screens' keys in the interface language, re-rendering when it changes.
 * @example const t = useWorkforceT(); t('plan.published', { date })
 */
export const useWorkforceT = featureTranslator(NAMESPACE, es, en);

/** A forecasting method's name in the interface language. */
export function methodLabel(t: (key: WorkforceKey) => string, method: string): string {
  switch (method) {
    case 'seasonal_naive':
    case 'weekday_mean':
    case 'ets_profile':
    case 'holt_winters':
      return t(`method.${method}`);
    default:
      return method;
  }
}
