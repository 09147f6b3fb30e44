/**
 * Suggests a role key from its name: lower case, no accents, words joined by underscores.
 * @example keyFromName('Agente nocturno') // 'agente_nocturno'
 */
export function keyFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}
