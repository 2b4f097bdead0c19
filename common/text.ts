/** Lower case without accents, so "cote" finds "Côte d'Ivoire" and "espana" finds "España". */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
