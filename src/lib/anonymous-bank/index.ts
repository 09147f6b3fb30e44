/** The Anonymous Bank per-call format: a pure parser shared by routing simulation and workforce management. */
export {
  ANONYMOUS_BANK_FIELDS,
  AnonymousBankParseError,
  type BankCall,
  iterateAnonymousBank,
  parseAnonymousBank,
  parseLine,
  streamAnonymousBank,
} from './parse.ts';
