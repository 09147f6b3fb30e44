/**
 * The web-channel administration strings, Spanish and English, in their own namespace (`chatAdmin`);
 * `useChatAdminT()` translates with keys checked by TypeScript.
 */
import { featureTranslator, type Leaves } from '../../i18n/feature.ts';

export const es = {
  title: 'Canales web',
  description:
    'El widget de chat de cada sitio: su aspecto, horario, formulario previo y dónde puede aparecer.',
  new: 'Nuevo canal web',
  edit: 'Editar canal web',
  emptyTitle: 'Aún no hay canales web',
  empty: 'Cree uno para obtener el código que su sitio pega en sus páginas.',
  columns: { name: 'Canal', sites: 'Sitios permitidos', queue: 'Cola', hours: 'Horario' },
  anySite: 'Solo las páginas de Atiende',
  tabs: {
    general: 'General',
    look: 'Aspecto',
    prechat: 'Formulario previo',
    hours: 'Horario',
    embed: 'Insertar',
  },
  form: {
    name: 'Nombre',
    origins: 'Sitios que pueden mostrarlo',
    originsHelp:
      'Orígenes como https://tienda.ejemplo.com o https://*.ejemplo.com, sin ruta. Pulse Enter tras cada uno.',
    languages: 'Idiomas',
    languageEs: 'Español',
    languageEn: 'Inglés',
    queue: 'Cola de los chats',
    callbackQueue: 'Cola de devoluciones de llamada, mensajes y solicitudes',
    categories: 'Categorías de solicitudes de servicio',
    categoriesHelp: 'Claves en minúsculas (facturacion, tecnico …). Pulse Enter tras cada una.',
    primary: 'Color principal',
    text: 'Color del texto sobre el principal',
    logo: 'Logo (URL https, opcional)',
    greetingEs: 'Saludo en español',
    greetingEn: 'Saludo en inglés',
    preview: 'Vista previa',
    fields: 'Campos antes del chat',
    fieldsHelp: 'Lo que el visitante llena antes de empezar; «name» y «email» identifican al cliente.',
    fieldKey: 'Clave',
    fieldEs: 'Etiqueta (es)',
    fieldEn: 'Etiqueta (en)',
    fieldType: 'Tipo',
    required: 'Obligatorio',
    addField: 'Añadir campo',
    remove: 'Quitar',
    types: { text: 'Texto', email: 'Correo', phone: 'Teléfono' },
    hoursMode: 'Horario del chat',
    hoursModes: { workspace: 'El del espacio de trabajo', custom: 'Propio' },
    holidays: 'Festivos',
    offline: 'Cuando el chat está cerrado',
    offlineHelp:
      'Fuera de este horario, o cuando ningún agente está disponible, el widget no abre chats. Las solicitudes se pueden abrir siempre.',
    offlineModes: {
      leave_message: 'Ofrecer dejar un mensaje (se responde por correo)',
      leave_message_or_callback: 'Ofrecer dejar un mensaje o pedir que lo llamen',
      hide: 'No mostrar el chat',
    },
    cancel: 'Cancelar',
    save: 'Guardar',
    saved: 'Canal guardado.',
  },
  problems: {
    name: 'Escriba un nombre.',
    origin: 'No es un origen: {{origin}}',
    languages: 'Elija al menos un idioma.',
    categories: 'Indique al menos una categoría válida (minúsculas, números, - o _).',
    color: 'Use un color como #1c7ed6.',
    logo: 'Use una dirección https://.',
    fieldKey: 'Las claves empiezan con una letra minúscula, sin espacios, y no se repiten.',
    fieldLabel: 'Escriba la etiqueta en ambos idiomas.',
  },
  embed: {
    snippet: 'Código para su sitio',
    snippetHelp: 'Péguelo antes de </body> en cada página donde quiera el widget.',
    identity:
      'Para un cliente con sesión iniciada, añada data-customer-id y data-signature (HMAC-SHA256 del id con el secreto del canal).',
    copy: 'Copiar',
    copied: 'Copiado',
    secret: 'Secreto de identidad',
    secretOnce: 'Guárdelo ahora: no se vuelve a mostrar.',
    rotate: 'Cambiar el secreto',
    rotateHelp: 'Las firmas hechas con el secreto anterior dejan de valer al instante.',
    demo: 'Probar en la página de demostración',
    key: 'Clave pública: {{key}}',
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof es> = {
  title: 'Web channels',
  description: "Each site's chat widget: its look, hours, pre-chat form and where it may appear.",
  new: 'New web channel',
  edit: 'Edit web channel',
  emptyTitle: 'No web channels yet',
  empty: 'Create one to get the code your site pastes into its pages.',
  columns: { name: 'Channel', sites: 'Allowed sites', queue: 'Queue', hours: 'Hours' },
  anySite: "Atiende's own pages only",
  tabs: { general: 'General', look: 'Look', prechat: 'Pre-chat form', hours: 'Hours', embed: 'Embed' },
  form: {
    name: 'Name',
    origins: 'Sites that may show it',
    originsHelp:
      'Origins such as https://shop.example.com or https://*.example.com, no path. Press Enter after each.',
    languages: 'Languages',
    languageEs: 'Spanish',
    languageEn: 'English',
    queue: 'Queue for chats',
    callbackQueue: 'Queue for call-backs, messages and requests',
    categories: 'Service request categories',
    categoriesHelp: 'Lower-case keys (billing, technical …). Press Enter after each.',
    primary: 'Main colour',
    text: 'Text colour on the main colour',
    logo: 'Logo (https URL, optional)',
    greetingEs: 'Greeting in Spanish',
    greetingEn: 'Greeting in English',
    preview: 'Preview',
    fields: 'Fields before the chat',
    fieldsHelp: 'What the visitor fills in before starting; "name" and "email" identify the customer.',
    fieldKey: 'Key',
    fieldEs: 'Label (es)',
    fieldEn: 'Label (en)',
    fieldType: 'Type',
    required: 'Required',
    addField: 'Add field',
    remove: 'Remove',
    types: { text: 'Text', email: 'E-mail', phone: 'Phone' },
    hoursMode: 'Chat hours',
    hoursModes: { workspace: "The workspace's", custom: 'Its own' },
    holidays: 'Holidays',
    offline: 'While chat is closed',
    offlineHelp:
      'Outside these hours, or when no agent is available, the widget opens no chat. Requests can always be opened.',
    offlineModes: {
      leave_message: 'Offer to leave a message (answered by e-mail)',
      leave_message_or_callback: 'Offer to leave a message or ask for a call-back',
      hide: 'Show no chat',
    },
    cancel: 'Cancel',
    save: 'Save',
    saved: 'Channel saved.',
  },
  problems: {
    name: 'Enter a name.',
    origin: 'Not an origin: {{origin}}',
    languages: 'Choose at least one language.',
    categories: 'Give at least one valid category (lower case, digits, - or _).',
    color: 'Use a colour such as #1c7ed6.',
    logo: 'Use an https:// address.',
    fieldKey: 'Keys start with a lower-case letter, have no spaces and are not repeated.',
    fieldLabel: 'Enter the label in both languages.',
  },
  embed: {
    snippet: 'Code for your site',
    snippetHelp: 'Paste it before </body> on every page that should show the widget.',
    identity:
      'For a logged-in customer, add data-customer-id and data-signature (HMAC-SHA256 of the id with the channel secret).',
    copy: 'Copy',
    copied: 'Copied',
    secret: 'Identity secret',
    secretOnce: 'Keep it now: it is not shown again.',
    rotate: 'Change the secret',
    rotateHelp: 'Signatures made with the previous secret stop working at once.',
    demo: 'Try it on the demo page',
    key: 'Public key: {{key}}',
  },
};

export type ChatAdminKey = Leaves<typeof es>;

/**
 * Translates the web-channel screens' keys in the interface language.
 * @example const t = useChatAdminT(); t('problems.origin', { origin: 'x' })
 */
export const useChatAdminT = featureTranslator('chatAdmin', es, en);
