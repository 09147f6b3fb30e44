/**
 * Knowledge: articles in Spanish and English with versions and translations, search (BM25F in SQL with
 * stemming, accent folding, typo tolerance and synonyms), learning from use, the public help center,
 * suggested answers for agents, and the `kb` command. Other modules use only what this file exports.
 */
export { kbCommand } from './command.ts';
