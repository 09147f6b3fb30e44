/** A feature's own strings: registered in their i18next namespace, read through a typed hook. */
import i18n from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Every dotted path to a string in a catalogue: the keys a feature's `t` accepts. */
export type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

type Translate = (key: string, options: Record<string, unknown>) => string;

/**
 * Registers a feature's Spanish and English catalogues under `namespace` and answers the hook that
 * translates its keys in the interface language, re-rendering when the language changes.
 * @example export const useDeskT = featureTranslator('desk', es, en); // t('offer.expires', { seconds: 12 })
 */
export function featureTranslator<T extends object>(namespace: string, es: T, en: T) {
  const register = () => {
    i18n.addResourceBundle('es', namespace, es, true, true);
    i18n.addResourceBundle('en', namespace, en, true, true);
  };
  // The app initialises i18next before the routes load; should that ever change, wait for it.
  if (i18n.isInitialized) register();
  else i18n.on('initialized', register);

  return function useFeatureT(): (key: Leaves<T>, values?: Record<string, string | number>) => string {
    // useTranslation subscribes the component to language changes; the app's typed `t` knows only its
    // own catalogue, so the lookup goes through i18next with this namespace.
    const { i18n: instance } = useTranslation();
    const language = instance.language;
    return useCallback(
      (key, values) => (instance.t as unknown as Translate)(key, { ns: namespace, lng: language, ...values }),
      [instance, language],
    );
  };
}
