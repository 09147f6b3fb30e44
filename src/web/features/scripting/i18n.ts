/**
 * The scripting screens' strings, Spanish and English, in their own i18next namespace (`scripting`);
 * `useScriptingT()` translates with keys checked by TypeScript.
 */
import i18n from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export const es = {
  title: 'Guiones',
  description: 'Guiones publicados y su versión activa.',
  runnerTitle: 'Guion de la interacción',
  columns: { name: 'Nombre', live: 'Versión activa', latest: 'Última versión' },
  none: 'Sin publicar',
  empty: 'Aún no hay guiones.',
  noScript: 'Ninguna regla elige un guion publicado para esta interacción.',
  next: 'Continuar',
  answer: 'Responder',
  back: 'Atrás',
  yes: 'Sí',
  no: 'No',
  finished: 'Guion terminado: {{outcome}}',
  path: 'Recorrido',
  suggested: 'Respuesta sugerida',
  shortcuts: 'Enter: continuar · Alt+←: atrás · 1–9: elegir opción',
  offers: 'Mejores ofertas',
  noOffers: 'Sin ofertas para este cliente.',
  crossSell: 'Buen momento para venta cruzada',
  accept: 'Aceptó',
  decline: 'No aceptó',
  promotion: 'Promoción {{code}}',
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const en: Strings<typeof es> = {
  title: 'Scripts',
  description: 'Published scripts and their live version.',
  runnerTitle: "The interaction's script",
  columns: { name: 'Name', live: 'Live version', latest: 'Latest version' },
  none: 'Not published',
  empty: 'No scripts yet.',
  noScript: 'No rule chooses a published script for this interaction.',
  next: 'Continue',
  answer: 'Answer',
  back: 'Back',
  yes: 'Yes',
  no: 'No',
  finished: 'Script finished: {{outcome}}',
  path: 'Path taken',
  suggested: 'Suggested answer',
  shortcuts: 'Enter: continue · Alt+←: back · 1–9: pick an option',
  offers: 'Top offers',
  noOffers: 'No offers for this customer.',
  crossSell: 'A good moment to cross-sell',
  accept: 'Accepted',
  decline: 'Declined',
  promotion: 'Promotion {{code}}',
};

export const NAMESPACE = 'scripting';

function register(): void {
  i18n.addResourceBundle('es', NAMESPACE, es, true, true);
  i18n.addResourceBundle('en', NAMESPACE, en, true, true);
}

if (i18n.isInitialized) register();
else i18n.on('initialized', register);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type ScriptingKey = Leaves<typeof es>;
type Translate = (key: string, options: Record<string, unknown>) => string;

/** @example const t = useScriptingT(); t('finished', { outcome: 'venta' }) */
export function useScriptingT(): (key: ScriptingKey, values?: Record<string, string | number>) => string {
  const { i18n: instance } = useTranslation();
  const language = instance.language;
  return useCallback(
    (key, values) => (instance.t as unknown as Translate)(key, { ns: NAMESPACE, lng: language, ...values }),
    [instance, language],
  );
}
