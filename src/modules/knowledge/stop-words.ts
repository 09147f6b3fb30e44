/**
 * Words a search leaves out beyond PostgreSQL's own stop words. Pure; no I/O.
 *
 * - The index folds accents before stemming, so PostgreSQL's Spanish stop words written with accents
 *   ("más", "también", "habría") would never match their folded form: their folded spellings are listed.
 * - Customer questions open with greetings and requests ("hola, quisiera saber si puedo…", "hi, I need
 *   help…") whose words say nothing about which article answers; left in, they match every article that
 *   happens to use them, and a learned query would teach them to its article.
 */
import { fold } from './text.ts';

type Language = 'es' | 'en';

/** PostgreSQL's Spanish stop words that carry accents, folded. */
const FOLDED_SPANISH_STOP = `mas si tambien mi que el tu mio mia mios mias estas esta estais estan este estes esteis esten
  estare estaras estara estareis estaran estaria estarias estariamos estariais estarian estabamos estuvieramos
  estuviesemos habeis hayais habre habras habra habreis habran habria habrias habriamos habriais habrian habia
  habias habiamos habiais habian hubieramos hubiesemos seais sere seras sera sereis seran seria serias seriamos
  seriais serian eramos fueramos fuesemos teneis tengais tendre tendras tendra tendreis tendran tendria tendrias
  tendriamos tendriais tendrian tenia tenias teniamos teniais tenian tuvieramos tuviesemos`;

/** Greetings, courtesy and request verbs of customer questions, and common chat abbreviations. */
const FILLER: Record<Language, string> = {
  es: `hola buenas buenos gracias favor porfa porfavor quiero quisiera queria queriamos necesito necesitamos
    necesitaba puedo puede pueden podemos podria podrian saber ayuda ayudar ayudarme ayudan hago q k pa x xq
    porq usted ustedes alguien`,
  en: `hi hello hey thanks thank please want wanted need needed know help anyone anybody someone somebody
    possible able could would`,
};

const STOP: Record<Language, Set<string>> = {
  es: new Set(`${FOLDED_SPANISH_STOP} ${FILLER.es}`.split(/\s+/).filter(Boolean)),
  en: new Set(FILLER.en.split(/\s+/).filter(Boolean)),
};

/**
 * The text with the words above blanked out (compared folded); everything else is kept as written, so
 * PostgreSQL's parser still sees addresses, numbers and hyphenated words whole.
 * @example withoutStopWords('Hola, ¿también puedo cambiar la fecha?', 'es') // ' ,  ¿  cambiar la fecha?'
 */
export function withoutStopWords(text: string, language: Language): string {
  const stop = STOP[language];
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => (stop.has(fold(word)) ? ' ' : word));
}
