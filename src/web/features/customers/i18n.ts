/**
 * The customers screens' strings, Spanish and English, in their own i18next namespace (`customers`), added
 * to the app's i18next when this module loads; `useCustomersT()` translates with keys checked by TypeScript.
 */
import i18n from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { enMore, esMore } from './i18n-more.ts';

export const es = {
  title: 'Clientes',
  description: 'Una ficha por cliente con todos sus canales, su valor y su historia.',
  actions: {
    new: 'Nuevo cliente',
    duplicates: 'Duplicados',
    import: 'Importar',
    edit: 'Editar',
    export: 'Exportar datos',
    erase: 'Borrar datos personales',
    back: 'Volver a clientes',
    save: 'Guardar',
    create: 'Crear cliente',
    cancel: 'Cancelar',
    add: 'Agregar',
    remove: 'Quitar',
    loadMore: 'Ver más',
  },
  search: {
    placeholder: 'Buscar por nombre, empresa, correo, teléfono…',
    kindAll: 'Todos',
    emptyTitle: 'Sin resultados',
    empty: 'Ningún cliente coincide con la búsqueda. Pruebe con menos palabras.',
    emptyList: 'Aún no hay clientes. Créelos uno a uno o impórtelos desde un CSV.',
    tierAll: 'Cualquier nivel',
  },
  kind: { person: 'Persona', organisation: 'Organización' },
  tier: { platinum: 'Platino', gold: 'Oro', silver: 'Plata', standard: 'Estándar' },
  columns: {
    name: 'Nombre',
    contact: 'Contacto',
    organisations: 'Organizaciones',
    tier: 'Nivel',
    score: 'Puntaje',
  },
  fields: {
    kind: 'Tipo',
    name: 'Nombre',
    email: 'Correo',
    phone: 'Teléfono',
    externalId: 'Id externo',
    language: 'Idioma',
    timeZone: 'Zona horaria',
    tags: 'Etiquetas',
    customerSince: 'Cliente desde',
    openDebt: 'Deuda pendiente',
    organisations: 'Organizaciones',
    owner: 'Responsable',
    none: '—',
  },
  profile: {
    title: 'Perfil',
    members: 'Integrantes',
    membersCount: '{{count}} personas',
    consents: 'Consentimientos',
    doNotContact: 'No contactar',
    marketing: 'Acepta publicidad',
    noConsents: 'Sin consentimientos registrados.',
    erased: 'Cliente borrado',
    erasedNote: 'Sus datos personales fueron borrados el {{date}}; se conservan solo los agregados.',
  },
  identities: {
    title: 'Identidades',
    empty: 'Sin identidades: agregue un correo, un teléfono o un id de canal.',
    kind: 'Canal',
    value: 'Valor',
    kinds: {
      email: 'Correo',
      phone: 'Teléfono',
      whatsapp: 'WhatsApp',
      messenger: 'Messenger',
      instagram: 'Instagram',
      telegram: 'Telegram',
      webchat: 'Chat web',
    },
  },
  value: {
    title: 'Valor',
    score: 'Puntaje {{score}} de 100',
    computed: 'Calculado el {{date}}',
    cutoffs: 'Niveles: {{text}}',
  },
  timeline: {
    title: 'Historia',
    empty: 'Nada registrado todavía.',
    allKinds: 'Todo',
    allChannels: 'Todos los canales',
    kinds: {
      interaction: 'Contacto',
      note: 'Nota',
      consent: 'Consentimiento',
      merge: 'Fusión',
      identity: 'Identidad',
      purchase: 'Compra',
      profile: 'Perfil',
    },
    channels: {
      voice: 'Llamada',
      email: 'Correo',
      chat: 'Chat',
      whatsapp: 'WhatsApp',
      messenger: 'Messenger',
      instagram: 'Instagram',
      telegram: 'Telegram',
      sms: 'SMS',
      phone: 'Teléfono',
      webchat: 'Chat web',
    },
    identityAdded: 'Identidad agregada: {{value}}',
    identityRemoved: 'Identidad quitada: {{value}}',
    consent: '{{channel}}: {{state}} (fuente: {{source}})',
    mergedWith: 'Se fusionó con {{name}}',
    created: 'Cliente creado',
    erased: 'Contenido borrado',
  },
  interactions: { title: 'Contactos recientes', empty: 'Sin contactos registrados.' },
  notes: {
    title: 'Notas',
    placeholder: 'Escriba una nota para el equipo…',
    add: 'Agregar nota',
    empty: 'Sin notas.',
  },
  form: {
    newTitle: 'Nuevo cliente',
    editTitle: 'Editar cliente',
    customFields: 'Campos propios',
    yes: 'Sí',
    no: 'No',
    saved: 'Cliente guardado.',
  },
  duplicates: {
    title: 'Posibles duplicados',
    description:
      'Clientes que comparten correo o teléfono, o con nombres muy parecidos. Fusionar mueve todo al que se conserva.',
    emptyTitle: 'Nada que revisar',
    empty: 'No hay posibles duplicados abiertos.',
    reason: { email: 'Mismo correo', phone: 'Mismo teléfono', name: 'Nombre parecido ({{percent}} %)' },
    keepLeft: 'Conservar el de la izquierda',
    keepRight: 'Conservar el de la derecha',
    dismiss: 'No son la misma persona',
    merged: 'Clientes fusionados.',
    mergeInto: 'Fusionar en este',
  },
  import: {
    title: 'Importar clientes',
    description:
      'Suba un CSV en UTF-8 (separado por comas, punto y coma o tabulador) con una fila de encabezados.',
    file: 'Archivo CSV',
    upload: 'Subir',
    mapping: 'Columnas',
    mappingHelp:
      'Indique a qué dato corresponde cada columna. Las filas se actualizan por id externo, o por correo o teléfono.',
    column: 'Columna',
    sample: 'Ejemplo',
    target: 'Dato',
    start: 'Importar',
    progress: '{{processed}} filas procesadas',
    summary:
      '{{inserted}} creados, {{updated}} actualizados, {{unchanged}} sin cambios, {{rejected}} rechazados.',
    rejected: 'Filas rechazadas',
    line: 'Línea',
    reasonCol: 'Motivo',
    again: 'Importar otro archivo',
    status: { uploaded: 'Por iniciar', running: 'Importando…', done: 'Terminado', failed: 'Falló' },
    targets: {
      ignore: 'No importar',
      name: 'Nombre',
      kind: 'Tipo (persona u organización)',
      externalId: 'Id externo',
      organisation: 'Organización',
      language: 'Idioma',
      timeZone: 'Zona horaria',
      tags: 'Etiquetas',
      customerSince: 'Cliente desde',
      openDebt: 'Deuda pendiente',
      email: 'Correo',
      phone: 'Teléfono',
      whatsapp: 'WhatsApp',
      telegram: 'Telegram',
      messenger: 'Messenger',
      instagram: 'Instagram',
      webchat: 'Chat web',
    },
    field: 'Campo: {{label}}',
  },
  privacy: {
    eraseTitle: '¿Borrar los datos personales?',
    eraseText:
      'Se borran nombre, identidades, notas y campos; se conservan compras y totales. No se puede deshacer.',
    eraseConfirm: 'Borrar para siempre',
    erasedDone: 'Datos personales borrados.',
  },
  errors: {
    identityTaken: 'Pertenece a otro cliente.',
    externalIdTaken: 'Otro cliente tiene ese id externo.',
    merged: 'Este cliente se fusionó con otro.',
    erased: 'Este cliente fue borrado y no se puede cambiar.',
    badEncoding: 'El archivo no está en UTF-8. Guárdelo como «CSV UTF-8» e inténtelo de nuevo.',
    invalidEmail: 'No es un correo válido.',
    invalidPhone: 'No es un teléfono válido.',
    unknownField: 'Ese campo no existe.',
  },
  ...esMore,
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const en: Strings<typeof es> = {
  title: 'Customers',
  description: 'One record per customer with every channel, their value and their history.',
  actions: {
    new: 'New customer',
    duplicates: 'Duplicates',
    import: 'Import',
    edit: 'Edit',
    export: 'Export data',
    erase: 'Erase personal data',
    back: 'Back to customers',
    save: 'Save',
    create: 'Create customer',
    cancel: 'Cancel',
    add: 'Add',
    remove: 'Remove',
    loadMore: 'Show more',
  },
  search: {
    placeholder: 'Search by name, company, email, phone…',
    kindAll: 'All',
    emptyTitle: 'No results',
    empty: 'No customer matches the search. Try fewer words.',
    emptyList: 'No customers yet. Create them one by one or import them from a CSV.',
    tierAll: 'Any tier',
  },
  kind: { person: 'Person', organisation: 'Organisation' },
  tier: { platinum: 'Platinum', gold: 'Gold', silver: 'Silver', standard: 'Standard' },
  columns: { name: 'Name', contact: 'Contact', organisations: 'Organisations', tier: 'Tier', score: 'Score' },
  fields: {
    kind: 'Type',
    name: 'Name',
    email: 'Email',
    phone: 'Phone',
    externalId: 'External id',
    language: 'Language',
    timeZone: 'Time zone',
    tags: 'Tags',
    customerSince: 'Customer since',
    openDebt: 'Open debt',
    organisations: 'Organisations',
    owner: 'Owner',
    none: '—',
  },
  profile: {
    title: 'Profile',
    members: 'Members',
    membersCount: '{{count}} people',
    consents: 'Consents',
    doNotContact: 'Do not contact',
    marketing: 'Accepts marketing',
    noConsents: 'No consent recorded.',
    erased: 'Erased customer',
    erasedNote: 'Their personal data was erased on {{date}}; only aggregates are kept.',
  },
  identities: {
    title: 'Identities',
    empty: 'No identities: add an email, a phone or a channel id.',
    kind: 'Channel',
    value: 'Value',
    kinds: {
      email: 'Email',
      phone: 'Phone',
      whatsapp: 'WhatsApp',
      messenger: 'Messenger',
      instagram: 'Instagram',
      telegram: 'Telegram',
      webchat: 'Web chat',
    },
  },
  value: {
    title: 'Value',
    score: 'Score {{score}} of 100',
    computed: 'Computed on {{date}}',
    cutoffs: 'Tiers: {{text}}',
  },
  timeline: {
    title: 'History',
    empty: 'Nothing recorded yet.',
    allKinds: 'Everything',
    allChannels: 'All channels',
    kinds: {
      interaction: 'Contact',
      note: 'Note',
      consent: 'Consent',
      merge: 'Merge',
      identity: 'Identity',
      purchase: 'Purchase',
      profile: 'Profile',
    },
    channels: {
      voice: 'Call',
      email: 'Email',
      chat: 'Chat',
      whatsapp: 'WhatsApp',
      messenger: 'Messenger',
      instagram: 'Instagram',
      telegram: 'Telegram',
      sms: 'SMS',
      phone: 'Phone',
      webchat: 'Web chat',
    },
    identityAdded: 'Identity added: {{value}}',
    identityRemoved: 'Identity removed: {{value}}',
    consent: '{{channel}}: {{state}} (source: {{source}})',
    mergedWith: 'Merged with {{name}}',
    created: 'Customer created',
    erased: 'Content erased',
  },
  interactions: { title: 'Recent contacts', empty: 'No contacts recorded.' },
  notes: {
    title: 'Notes',
    placeholder: 'Write a note for the team…',
    add: 'Add note',
    empty: 'No notes.',
  },
  form: {
    newTitle: 'New customer',
    editTitle: 'Edit customer',
    customFields: 'Custom fields',
    yes: 'Yes',
    no: 'No',
    saved: 'Customer saved.',
  },
  duplicates: {
    title: 'Possible duplicates',
    description:
      'Customers sharing an email or a phone, or with very similar names. Merging moves everything to the one kept.',
    emptyTitle: 'Nothing to review',
    empty: 'There are no open possible duplicates.',
    reason: { email: 'Same email', phone: 'Same phone', name: 'Similar name ({{percent}} %)' },
    keepLeft: 'Keep the left one',
    keepRight: 'Keep the right one',
    dismiss: 'Not the same person',
    merged: 'Customers merged.',
    mergeInto: 'Merge into this one',
  },
  import: {
    title: 'Import customers',
    description: 'Upload a UTF-8 CSV (comma, semicolon or tab separated) with a header row.',
    file: 'CSV file',
    upload: 'Upload',
    mapping: 'Columns',
    mappingHelp: 'Say what each column holds. Rows update by external id, or by email or phone.',
    column: 'Column',
    sample: 'Sample',
    target: 'Field',
    start: 'Import',
    progress: '{{processed}} rows processed',
    summary: '{{inserted}} created, {{updated}} updated, {{unchanged}} unchanged, {{rejected}} rejected.',
    rejected: 'Rejected rows',
    line: 'Line',
    reasonCol: 'Reason',
    again: 'Import another file',
    status: { uploaded: 'Not started', running: 'Importing…', done: 'Done', failed: 'Failed' },
    targets: {
      ignore: 'Do not import',
      name: 'Name',
      kind: 'Type (person or organisation)',
      externalId: 'External id',
      organisation: 'Organisation',
      language: 'Language',
      timeZone: 'Time zone',
      tags: 'Tags',
      customerSince: 'Customer since',
      openDebt: 'Open debt',
      email: 'Email',
      phone: 'Phone',
      whatsapp: 'WhatsApp',
      telegram: 'Telegram',
      messenger: 'Messenger',
      instagram: 'Instagram',
      webchat: 'Web chat',
    },
    field: 'Field: {{label}}',
  },
  privacy: {
    eraseTitle: 'Erase the personal data?',
    eraseText:
      'Name, identities, notes and fields are erased; purchases and totals are kept. This cannot be undone.',
    eraseConfirm: 'Erase for good',
    erasedDone: 'Personal data erased.',
  },
  errors: {
    identityTaken: 'It belongs to another customer.',
    externalIdTaken: 'Another customer has that external id.',
    merged: 'This customer was merged into another.',
    erased: 'This customer was erased and cannot change.',
    badEncoding: 'The file is not UTF-8. Save it as “CSV UTF-8” and try again.',
    invalidEmail: 'Not a valid email address.',
    invalidPhone: 'Not a valid phone number.',
    unknownField: 'That field does not exist.',
  },
  ...enMore,
};

export const NAMESPACE = 'customers';

function register(): void {
  i18n.addResourceBundle('es', NAMESPACE, es, true, true);
  i18n.addResourceBundle('en', NAMESPACE, en, true, true);
}

// The app initialises i18next before the routes load; should that ever change, wait for it.
if (i18n.isInitialized) register();
else i18n.on('initialized', register);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type CustomersKey = Leaves<typeof es>;

/**
 * Translates the customers screens' keys in the interface language, re-rendering when it changes.
 * @example const t = useCustomersT(); t('search.placeholder'); t('value.score', { score: 42 })
 */
export function useCustomersT(): (key: CustomersKey, values?: Record<string, string | number>) => string {
  // useTranslation subscribes the component to language changes; the app's typed `t` knows only its own
  // catalogue, so the lookup goes through i18next with this namespace.
  const { i18n: instance } = useTranslation();
  const language = instance.language;
  return useCallback(
    (key, values) => (instance.t as unknown as Translate)(key, { ns: NAMESPACE, lng: language, ...values }),
    [instance, language],
  );
}

type Translate = (key: string, options: Record<string, unknown>) => string;
