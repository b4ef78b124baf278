// The map's first render (issue 10, docs/decisions/0013 §10): the server's SVG of the outlines, the
// choropleth and the places, in the interactive map's projection and bounds. It is the map for readers
// without scripts and what everyone sees in the first paint; the island removes it once maplibre-gl has
// drawn the same layers. Strokes keep their width at any size (public.css: vector-effect), each place is
// a round dot (a zero-length segment with a round cap) of the interactive map's size, white-ringed.
import type { MapPicture as Picture } from "@cong/core";

export function MapPicture({ picture, title, unitTitles }: { picture: Picture; title: string; unitTitles: Record<string, string> }) {
  const { width, height } = picture;
  return (
    <svg className="map-sketch" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="xMidYMid meet" role="img" aria-labelledby="map-sketch-title" focusable="false">
      <title id="map-sketch-title">{title}</title>
      <defs>
        {picture.kinds.map((k, i) => (k.dots ? <path key={k.kind} id={`map-dots-${i}`} d={k.dots} vectorEffect="non-scaling-stroke" /> : null))}
      </defs>
      <rect width={width} height={height} fill="#eef3f6" />
      <g stroke="#424242" strokeWidth={0.8} fillOpacity={0.8}>
        {picture.districts.map((u) => (
          <path key={u.code} d={u.d} fill={u.color} data-unit={u.code}>
            <title>{unitTitles[u.code] ?? u.name}</title>
          </path>
        ))}
      </g>
      {picture.province.length > 0 ? <path d={picture.province.join("")} fill="none" stroke="#111" strokeWidth={2.2} /> : null}
      {picture.kinds.map((k) => (k.areas ? <path key={k.kind} d={k.areas} data-kind={k.kind} fill={k.color} fillOpacity={0.35} stroke={k.color} strokeWidth={1} /> : null))}
      <g fill="none" strokeLinecap="round">
        {picture.kinds.map((k, i) =>
          k.dots ? (
            <g key={k.kind} data-kind={k.kind}>
              <use href={`#map-dots-${i}`} stroke="#fff" strokeWidth={15} />
              <use href={`#map-dots-${i}`} stroke={k.color} strokeWidth={12} />
            </g>
          ) : null,
        )}
      </g>
    </svg>
  );
}
