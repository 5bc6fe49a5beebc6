/** Model versions: the base name plus how it was trained plus a hash of its parameters. */

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** "whereabouts-default-1" trained by EM becomes "whereabouts-default-1+em.1a2b3c4d". */
export function versionOf(base: string, how: string, parameters: unknown): string {
  const root = base.split('+')[0]!;
  return `${root}+${how}.${fnv1a(JSON.stringify(parameters))}`;
}
