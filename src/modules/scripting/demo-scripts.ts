/** Servicenter's four demo scripts: a booking change, a complaint, a cancellation and a telemarketing call. */
import type { Condition, ScriptDefinition } from './core/types.ts';

const tierIs = (...tiers: string[]): Condition => ({
  op: 'in',
  left: { ref: 'customer.tier' },
  right: { value: tiers },
});

export const BOOKING_CHANGE: ScriptDefinition = {
  start: 'saludo',
  variables: [
    { name: 'cambio', type: 'choice', options: ['fecha', 'destino', 'pasajero'] },
    { name: 'vencido', type: 'boolean' },
  ],
  steps: [
    {
      id: 'saludo',
      type: 'say',
      text: 'Buenos días, {{customer.name}}. Le habla {{agent.name}} de Servicenter. ¿En qué le ayudo con su reserva?',
      next: 'que',
    },
    {
      id: 'que',
      type: 'ask',
      question: '¿Qué desea cambiar de la reserva?',
      variable: 'cambio',
      next: 'tiquete',
    },
    {
      id: 'tiquete',
      type: 'ask',
      question: '¿El tiquete ya está vencido?',
      variable: 'vencido',
      next: 'deuda',
    },
    {
      id: 'deuda',
      type: 'branch',
      cases: [
        { when: { op: 'gt', left: { ref: 'invoices.overdue_count' }, right: { value: 0 } }, next: 'cobro' },
      ],
      otherwise: 'valor',
    },
    {
      id: 'cobro',
      type: 'say',
      text: 'Antes de seguir: tiene {{invoices.overdue_count}} factura(s) vencida(s) por {{invoices.overdue_amount}}. Puede pagarlas con el cambio.',
      next: 'valor',
    },
    {
      id: 'valor',
      type: 'branch',
      cases: [
        {
          when: {
            op: 'and',
            all: [tierIs('platinum'), { op: 'eq', left: { ref: 'var.vencido' }, right: { value: true } }],
          },
          next: 'ascenso',
        },
        { when: { op: 'eq', left: { ref: 'var.vencido' }, right: { value: true } }, next: 'reexpedir' },
      ],
      otherwise: 'cambiar',
    },
    {
      id: 'ascenso',
      type: 'say',
      text: 'Como cliente platino, le reexpedimos el tiquete sin costo y con ascenso gratis de cabina.',
      next: 'marca_ascenso',
    },
    {
      id: 'marca_ascenso',
      type: 'action',
      action: { kind: 'set_disposition', disposition: 'reexpedido_con_ascenso' },
      next: 'fin',
    },
    {
      id: 'reexpedir',
      type: 'say',
      text: 'Le reexpedimos el tiquete ({{var.cambio}}); la tarifa de reexpedición es de $80.000.',
      next: 'marca_reexpedido',
    },
    {
      id: 'marca_reexpedido',
      type: 'action',
      action: { kind: 'set_disposition', disposition: 'reexpedido' },
      next: 'fin',
    },
    {
      id: 'cambiar',
      type: 'say',
      text: 'Listo, hacemos el cambio de {{var.cambio}} sin costo adicional.',
      next: 'marca_cambio',
    },
    {
      id: 'marca_cambio',
      type: 'action',
      action: { kind: 'set_disposition', disposition: 'reserva_cambiada' },
      next: 'fin',
    },
    { id: 'fin', type: 'end', outcome: 'resuelto' },
  ],
};

export const COMPLAINT: ScriptDefinition = {
  start: 'escucha',
  variables: [
    { name: 'tema', type: 'choice', options: ['equipaje', 'retraso', 'atencion'] },
    { name: 'resuelto', type: 'boolean' },
  ],
  steps: [
    {
      id: 'escucha',
      type: 'say',
      text: '{{customer.name}}, lamento lo ocurrido. Cuénteme qué pasó; voy a tomar nota de todo.',
      next: 'tema',
    },
    { id: 'tema', type: 'ask', question: '¿De qué trata la queja?', variable: 'tema', next: 'politica' },
    {
      id: 'politica',
      type: 'branch',
      cases: [
        { when: { op: 'eq', left: { ref: 'var.tema' }, right: { value: 'equipaje' } }, next: 'equipaje' },
      ],
      otherwise: 'disculpa',
    },
    {
      id: 'equipaje',
      type: 'answer',
      answerId: null,
      title: 'Equipaje demorado o perdido',
      text: 'Registramos el reclamo con el número de la etiqueta; el equipaje demorado se entrega en el hotel en 48 horas y, si no aparece en 21 días, se indemniza según la tarifa.',
      next: 'resuelto',
    },
    {
      id: 'disculpa',
      type: 'say',
      text: 'Le ofrezco disculpas en nombre de Servicenter; su caso queda registrado y un supervisor lo revisa.',
      next: 'resuelto',
    },
    {
      id: 'resuelto',
      type: 'ask',
      question: '¿Quedó resuelta la queja en esta llamada?',
      variable: 'resuelto',
      next: 'cierre',
    },
    {
      id: 'cierre',
      type: 'branch',
      cases: [
        { when: { op: 'eq', left: { ref: 'var.resuelto' }, right: { value: true } }, next: 'marca_resuelta' },
      ],
      otherwise: 'seguimiento',
    },
    {
      id: 'marca_resuelta',
      type: 'action',
      action: { kind: 'set_disposition', disposition: 'queja_resuelta' },
      next: 'fin',
    },
    {
      id: 'seguimiento',
      type: 'action',
      action: { kind: 'create_task', title: 'Seguimiento de queja' },
      next: 'llamar',
    },
    {
      id: 'llamar',
      type: 'action',
      action: { kind: 'schedule_callback', inMinutes: 1440 },
      next: 'marca_abierta',
    },
    {
      id: 'marca_abierta',
      type: 'action',
      action: { kind: 'set_disposition', disposition: 'queja_en_seguimiento' },
      next: 'fin',
    },
    { id: 'fin', type: 'end', outcome: 'queja_registrada' },
  ],
};

export const CANCELLATION: ScriptDefinition = {
  start: 'motivo_pregunta',
  variables: [
    { name: 'motivo', type: 'choice', options: ['precio', 'fechas', 'otro'] },
    { name: 'acepta', type: 'boolean' },
  ],
  steps: [
    {
      id: 'motivo_pregunta',
      type: 'ask',
      question: '{{customer.name}}, ¿por qué desea cancelar la reserva?',
      variable: 'motivo',
      next: 'oferta',
    },
    {
      id: 'oferta',
      type: 'branch',
      cases: [
        { when: tierIs('platinum', 'gold'), next: 'oferta_alta' },
        {
          when: { op: 'eq', left: { ref: 'var.motivo' }, right: { value: 'fechas' } },
          next: 'oferta_fechas',
        },
      ],
      otherwise: 'oferta_base',
    },
    {
      id: 'oferta_alta',
      type: 'say',
      text: 'Por ser cliente {{customer.tier}}, le ofrecemos un bono del 30 % y cambio de fechas sin costo si conserva la reserva.',
      next: 'acepta',
    },
    {
      id: 'oferta_fechas',
      type: 'say',
      text: 'Podemos mover las fechas sin penalidad dentro de los próximos seis meses.',
      next: 'acepta',
    },
    {
      id: 'oferta_base',
      type: 'say',
      text: 'Si conserva la reserva, le eximimos la tarifa de cambio.',
      next: 'acepta',
    },
    {
      id: 'acepta',
      type: 'ask',
      question: '¿Acepta la oferta y conserva la reserva?',
      variable: 'acepta',
      next: 'decision',
    },
    {
      id: 'decision',
      type: 'branch',
      cases: [{ when: { op: 'eq', left: { ref: 'var.acepta' }, right: { value: true } }, next: 'retenido' }],
      otherwise: 'cancelar',
    },
    {
      id: 'retenido',
      type: 'action',
      action: { kind: 'set_disposition', disposition: 'retenido' },
      next: 'gracias',
    },
    {
      id: 'gracias',
      type: 'say',
      text: '¡Gracias por quedarse con nosotros! Le envío la confirmación por correo.',
      next: 'correo',
    },
    {
      id: 'correo',
      type: 'action',
      action: { kind: 'send_email', template: 'confirmacion_retencion' },
      next: 'fin_retenido',
    },
    { id: 'fin_retenido', type: 'end', outcome: 'retenido' },
    {
      id: 'cancelar',
      type: 'action',
      action: { kind: 'set_disposition', disposition: 'cancelado' },
      next: 'despedida',
    },
    {
      id: 'despedida',
      type: 'say',
      text: 'Cancelamos la reserva; el reembolso llega en 10 días hábiles.',
      next: 'fin_cancelado',
    },
    { id: 'fin_cancelado', type: 'end', outcome: 'cancelado' },
  ],
};

export const TELEMARKETING_INSURANCE: ScriptDefinition = {
  start: 'presentacion',
  variables: [{ name: 'interes', type: 'choice', options: ['si', 'no', 'luego'] }],
  steps: [
    {
      id: 'presentacion',
      type: 'say',
      text: 'Buenas tardes, {{customer.name}}. Le llamo de Servicenter por su próximo viaje.',
      next: 'gancho',
    },
    {
      id: 'gancho',
      type: 'branch',
      cases: [
        {
          when: { op: 'contains', left: { ref: 'promotions.products' }, right: { value: 'seguro_viaje' } },
          next: 'promo',
        },
      ],
      otherwise: 'pitch',
    },
    {
      id: 'promo',
      type: 'say',
      text: 'Tiene disponible la promoción {{promotions.active}}: seguro de viaje con descuento para su nivel {{customer.tier}}.',
      next: 'pregunta',
    },
    {
      id: 'pitch',
      type: 'say',
      text: 'Muchos viajeros como usted protegen su viaje con nuestro seguro: cubre cancelación, equipaje y asistencia médica.',
      next: 'pregunta',
    },
    {
      id: 'pregunta',
      type: 'ask',
      question: '¿Le interesa el seguro de viaje?',
      variable: 'interes',
      next: 'resultado',
    },
    {
      id: 'resultado',
      type: 'branch',
      cases: [
        { when: { op: 'eq', left: { ref: 'var.interes' }, right: { value: 'si' } }, next: 'lead' },
        { when: { op: 'eq', left: { ref: 'var.interes' }, right: { value: 'luego' } }, next: 'volver' },
      ],
      otherwise: 'no',
    },
    { id: 'lead', type: 'action', action: { kind: 'create_lead', product: 'seguro_viaje' }, next: 'venta' },
    {
      id: 'venta',
      type: 'action',
      action: { kind: 'set_disposition', disposition: 'venta_seguro' },
      next: 'fin_venta',
    },
    { id: 'fin_venta', type: 'end', outcome: 'venta' },
    {
      id: 'volver',
      type: 'action',
      action: { kind: 'schedule_callback', inMinutes: 2880 },
      next: 'marca_volver',
    },
    {
      id: 'marca_volver',
      type: 'action',
      action: { kind: 'set_disposition', disposition: 'volver_a_llamar' },
      next: 'fin_luego',
    },
    { id: 'fin_luego', type: 'end', outcome: 'volver_a_llamar' },
    {
      id: 'no',
      type: 'action',
      action: { kind: 'set_disposition', disposition: 'no_interesado' },
      next: 'fin_no',
    },
    { id: 'fin_no', type: 'end', outcome: 'no_interesado' },
  ],
};

/** The demo scripts with the rule that starts each (by contact reason; telemarketing by queue). */
export const DEMO_SCRIPTS = [
  {
    name: 'Cambio de reserva',
    description: 'Cambio de fecha, destino o pasajero; ascenso para platino con tiquete vencido',
    definition: BOOKING_CHANGE,
    rule: { priority: 10, reason: 'cambio_reserva' },
  },
  {
    name: 'Queja',
    description: 'Registro de quejas con respuesta sugerida y seguimiento',
    definition: COMPLAINT,
    rule: { priority: 20, reason: 'queja' },
  },
  {
    name: 'Cancelación con retención',
    description: 'Oferta de retención según el nivel del cliente',
    definition: CANCELLATION,
    rule: { priority: 30, reason: 'cancelacion' },
  },
  {
    name: 'Telemercadeo: seguro de viaje',
    description: 'Venta cruzada del seguro de viaje',
    definition: TELEMARKETING_INSURANCE,
    rule: { priority: 40, queueId: 'telemercadeo' },
  },
] as const;

/** Answer steps of the demo scripts that embed a demo knowledge article, by the article's import id. */
export const DEMO_ANSWERS: Record<string, string> = { equipaje: 'demo-lost-baggage-es' };

/** The catalogue the demo offers. */
export const DEMO_PRODUCTS = [
  { code: 'tiquete_aereo', name: 'Tiquete aéreo' },
  { code: 'hotel', name: 'Hotel' },
  { code: 'seguro_viaje', name: 'Seguro de viaje' },
  { code: 'tour_chicamocha', name: 'Tour Cañón del Chicamocha' },
  { code: 'parapente', name: 'Parapente en San Gil' },
  { code: 'traslado', name: 'Traslado aeropuerto' },
];

/** The e-mails the demo scripts send. */
export const DEMO_EMAIL_TEMPLATES = [
  {
    key: 'confirmacion_retencion',
    name: 'Confirmación de retención',
    subject: 'Su reserva sigue activa, {{customer.name}}',
    body: `Hola {{customer.name}}:

Gracias por seguir con Servicenter. Su reserva sigue activa con el beneficio que acordamos en la llamada.

Si tiene preguntas, responda a este correo.

{{agent.name}} · Servicenter`,
  },
];
