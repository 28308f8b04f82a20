/**
 * Art. 20 part 4 allows an extension for one of two reasons — a large volume of information, or a
 * search among a significant amount of data. The letter states the one the clerk gave, never the
 * law's whole «або» formula; the clerk's free-text reason is read for which one it is.
 */
export const EXTENSION_GROUNDS = ['volume', 'search'] as const;
export type ExtensionGround = (typeof EXTENSION_GROUNDS)[number];

/** How the letter says it: «Ваш запит … <clause>». */
export const EXTENSION_GROUND_CLAUSE: Record<ExtensionGround, string> = {
  volume: 'стосується надання великого обсягу інформації',
  search: 'потребує пошуку інформації серед значної кількості даних',
};

/** The reasons the form offers, in the law's words; either is a complete `extend` reason. */
export const EXTENSION_GROUND_REASON: Record<ExtensionGround, string> = {
  volume: 'Великий обсяг інформації',
  search: 'Пошук інформації серед значної кількості даних',
};

/** The ground the reason names (the first one it mentions), or null when it names neither. */
export function extensionGround(reason: string): ExtensionGround | null {
  const search = reason.search(/пошук|значн\S* кільк/iu);
  const volume = reason.search(/обсяг/iu);
  if (search < 0 && volume < 0) return null;
  if (volume < 0) return 'search';
  if (search < 0) return 'volume';
  return search < volume ? 'search' : 'volume';
}
