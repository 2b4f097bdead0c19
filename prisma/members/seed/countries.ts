import { countries as countryFacts } from "countries-list";
import isoCountries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import es from "i18n-iso-countries/langs/es.json";
import fr from "i18n-iso-countries/langs/fr.json";
import pt from "i18n-iso-countries/langs/pt.json";
import { foldForSearch } from "../../../common/text";
import type { Prisma } from "../generated/client";
import type { Region } from "../generated/enums";

for (const locale of [en, fr, es, pt]) isoCountries.registerLocale(locale);

const regionOfContinent: Record<string, Region> = {
  AF: "AFRICA",
  AN: "ANTARCTICA",
  AS: "ASIA",
  EU: "EUROPE",
  NA: "NORTH_AMERICA",
  OC: "OCEANIA",
  SA: "SOUTH_AMERICA",
};

/** Every country of ISO 3166-1 with its names from i18n-iso-countries and its continent from countries-list. */
export function countries() {
  // Every known name (official, short, alias) in each language, for search.
  const allNamesByLanguage = ["en", "fr", "es", "pt"].map((language) =>
    isoCountries.getNames(language, { select: "all" }),
  );
  return Object.keys(isoCountries.getAlpha2Codes())
    .sort()
    .map((code) => {
      const names = {
        nameEn: isoCountries.getName(code, "en")!,
        nameFr: isoCountries.getName(code, "fr")!,
        nameEs: isoCountries.getName(code, "es")!,
        namePt: isoCountries.getName(code, "pt")!,
      };
      const allNames = [code, ...allNamesByLanguage.flatMap((namesOf) => namesOf[code] ?? [])];
      const continent = (countryFacts as Record<string, { continent: string } | undefined>)[code]?.continent;
      return {
        code,
        ...names,
        searchText: foldForSearch(allNames.join(" | ")),
        region: continent ? regionOfContinent[continent] : null,
      } satisfies Prisma.CountryCreateManyInput;
    });
}
