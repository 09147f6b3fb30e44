/**
 * The knowledge screens' strings, Spanish and English, in their own i18next namespace (`knowledge`), added
 * to the app's i18next when this module loads; `useKnowledgeT()` translates with keys checked by TypeScript.
 */
import { featureTranslator, type Leaves } from '../../i18n/feature.ts';

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
    translate: 'Traducir al {{language}}',
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
  files: {
    tab: 'Archivos',
    upload: 'Adjuntar archivo',
    hint: 'Imágenes, PDF o texto, hasta 5 MB.',
    empty: 'Este artículo no tiene archivos.',
    copyMarkdown: 'Copiar Markdown',
    copied: 'Copiado',
    remove: 'Quitar',
  },
  languages: { es: 'español', en: 'inglés' },
  translationOf: 'Traducción de «{{title}}»',
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
    translate: 'Translate to {{language}}',
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
  files: {
    tab: 'Files',
    upload: 'Attach a file',
    hint: 'Images, PDF or text, up to 5 MB.',
    empty: 'This article has no files.',
    copyMarkdown: 'Copy Markdown',
    copied: 'Copied',
    remove: 'Remove',
  },
  languages: { es: 'Spanish', en: 'English' },
  translationOf: 'Translation of “{{title}}”',
  saved: 'Saved',
};

const NAMESPACE = 'knowledge';

export type KnowledgeKey = Leaves<typeof es>;

/**
 * Translates the knowledge screens' keys in the interface language, re-rendering when it changes.
 * @example const t = useKnowledgeT(); t('suggest.title')
 */
export const useKnowledgeT = featureTranslator(NAMESPACE, es, en);
