/**
 * The scripting screens' strings, Spanish and English, in their own i18next namespace (`scripting`);
 * `useScriptingT()` translates with keys checked by TypeScript.
 */
import { featureTranslator, type Leaves } from '../../i18n/feature.ts';

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

export type ScriptingKey = Leaves<typeof es>;

/** @example const t = useScriptingT(); t('finished', { outcome: 'venta' }) */
export const useScriptingT = featureTranslator(NAMESPACE, es, en);
