/**
 * The knowledge screens' strings, Spanish and English, in their own i18next namespace (`knowledge`), added
 * to the app's i18next when this module loads; `useKnowledgeT()` translates with keys checked by TypeScript.
 */
import i18n from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export const es = {
  title: 'Base de conocimiento',
  description: 'Artículos del centro de ayuda y respuestas sugeridas para los asesores.',
  actions: {
    new: 'Nuevo artículo',
    save: 'Guardar versión',
    publish: 'Publicar',
    archive: 'Archivar',
    unpublish: 'Volver a borrador',
    suggest: 'Respuestas sugeridas',
    insert: 'Insertar',
    restore: 'Restaurar',
    back: 'Volver a artículos',
    helpCenter: 'Ver centro de ayuda',
  },
  list: {
    search: 'Buscar por título…',
    empty: 'Aún no hay artículos. Cree el primero o impórtelos con «atiende kb import».',
    noMatch: 'Ningún artículo coincide.',
    all: 'Todos',
  },
  status: { draft: 'Borrador', published: 'Publicado', archived: 'Archivado' },
  visibility: { public: 'Público', agents: 'Solo asesores', partners: 'Socios' },
  fields: {
    title: 'Título',
    body: 'Contenido (Markdown)',
    language: 'Idioma',
    category: 'Categoría (niveles separados por /)',
    tags: 'Etiquetas',
    phrasings: 'Otras formas de preguntar (una por línea)',
    visibility: 'Visibilidad',
    note: 'Nota del cambio',
    preview: 'Vista previa',
    versions: 'Versiones',
    version: 'Versión {{version}}',
  },
  suggest: {
    title: 'Respuestas sugeridas',
    description:
      'Escriba lo que pide el cliente; las tres mejores respuestas aparecen con el pasaje que responde.',
    input: 'Lo que pregunta el cliente',
    reply: 'Respuesta al cliente',
    empty: 'Sin sugerencias para este texto.',
    idle: 'Escriba al menos tres letras para ver sugerencias.',
    shortcut: 'Alt+{{n}} para insertar',
    inserted: 'Insertado en la respuesta',
  },
  saved: 'Guardado',
};

export const en: typeof es = {
  title: 'Knowledge base',
  description: 'Help-center articles and suggested answers for agents.',
  actions: {
    new: 'New article',
    save: 'Save version',
    publish: 'Publish',
    archive: 'Archive',
    unpublish: 'Back to draft',
    suggest: 'Suggested answers',
    insert: 'Insert',
    restore: 'Restore',
    back: 'Back to articles',
    helpCenter: 'Open help center',
  },
  list: {
    search: 'Search by title…',
    empty: 'No articles yet. Create the first one or import them with "atiende kb import".',
    noMatch: 'No article matches.',
    all: 'All',
  },
  status: { draft: 'Draft', published: 'Published', archived: 'Archived' },
  visibility: { public: 'Public', agents: 'Agents only', partners: 'Partners' },
  fields: {
    title: 'Title',
    body: 'Content (Markdown)',
    language: 'Language',
    category: 'Category (levels separated by /)',
    tags: 'Tags',
    phrasings: 'Other ways to ask (one per line)',
    visibility: 'Visibility',
    note: 'Change note',
    preview: 'Preview',
    versions: 'Versions',
    version: 'Version {{version}}',
  },
  suggest: {
    title: 'Suggested answers',
    description: 'Type what the customer asks; the three best answers appear with the passage that answers.',
    input: 'What the customer asks',
    reply: 'Reply to the customer',
    empty: 'No suggestions for this text.',
    idle: 'Type at least three letters to see suggestions.',
    shortcut: 'Alt+{{n}} to insert',
    inserted: 'Inserted into the reply',
  },
  saved: 'Saved',
};

const NAMESPACE = 'knowledge';

function register() {
  i18n.addResourceBundle('es', NAMESPACE, es, true, true);
  i18n.addResourceBundle('en', NAMESPACE, en, true, true);
}

// The app initialises i18next before the routes load; should that ever change, wait for it.
if (i18n.isInitialized) register();
else i18n.on('initialized', register);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type KnowledgeKey = Leaves<typeof es>;

/**
 * Translates the knowledge screens' keys in the interface language, re-rendering when it changes.
 * @example const t = useKnowledgeT(); t('suggest.title')
 */
export function useKnowledgeT(): (key: KnowledgeKey, values?: Record<string, string | number>) => string {
  const { i18n: instance } = useTranslation();
  const language = instance.language;
  return useCallback(
    (key, values) => (instance.t as unknown as Translate)(key, { ns: NAMESPACE, lng: language, ...values }),
    [instance, language],
  );
}

type Translate = (key: string, options: Record<string, unknown>) => string;
