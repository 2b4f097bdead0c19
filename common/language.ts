import { registerEnumType } from "type-graphql";

/** Label languages of the graph: English, French, Spanish and Portuguese, those of the networks. */
export enum Language {
  EN = "EN",
  FR = "FR",
  ES = "ES",
  PT = "PT",
}

registerEnumType(Language, { name: "Language", description: "Language of labels such as country and network names." });

/** The first supported language of an Accept-Language header, by its q-weights; English when none fits. */
export function languageFromHeader(header: string | undefined | null): Language {
  if (!header) return Language.EN;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { primary: tag.trim().slice(0, 2).toUpperCase(), weight: q ? Number(q.slice(2)) : 1, index };
    })
    .filter(({ weight }) => Number.isFinite(weight) && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const match = ranked.find(({ primary }) => primary in Language);
  return match ? Language[match.primary as keyof typeof Language] : Language.EN;
}

/** A label in the wanted language, falling back to English where no translation is known. */
export function pickLabel(labels: Record<Language, string | null>, language: Language): string {
  return labels[language] ?? labels[Language.EN]!;
}
