// The places of a facilities section (its kinds) or a map section (every kind: the accessible list beside
// the map), issue 10: a GET filter form that works without JavaScript, the places as a table, the next
// page's link, and the same places as GeoJSON (/api/v1/places with the same filter).
import type { PlacePage } from "@cong/core";
import { useTranslation } from "react-i18next";
import { PlaceFilter, PlaceTable } from "~/components/places/place-list";

type Input = { kind: string | null; unit: string | null; status: string | null };

export function SectionPlaces({ section, places, timeZone }: { section: { slug: string; kind: string }; places: { page: PlacePage | null; input: Input; errors: Record<string, string[]> | null }; timeZone: string }) {
  const { t } = useTranslation();
  const { page, input, errors } = places;
  const path = `/${section.slug}`;
  const query = (extra: Record<string, string> = {}) => {
    const q = new URLSearchParams({ ...Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => !!e[1])), ...extra }).toString();
    return q ? `?${q}` : "";
  };
  return (
    <section className="places-section" aria-labelledby="places-heading">
      <h2 id="places-heading">{t("places.public.heading")}</h2>
      {section.kind === "map" ? <p>{t("places.public.mapNote")}</p> : null}
      <PlaceFilter action={path} kinds={page?.kinds ?? []} units={page?.units ?? []} input={input} errors={errors} />
      {page ? (
        <>
          {page.places.length === 0 ? <p className="empty">{t("places.public.empty")}</p> : <PlaceTable places={page.places} caption={t("places.public.caption")} timeZone={timeZone} />}
          <p>
            {page.next ? <a href={`${path}${query({ after: page.next })}`}>{t("places.next")}</a> : null}{" "}
            <a href={`/api/v1/places${query({ section: section.slug })}`} type="application/geo+json">
              {t("places.public.geojson")}
            </a>
          </p>
        </>
      ) : null}
    </section>
  );
}
