// mapbox-gl 1.13 ships no types; the map island uses it through maplibre-gl's (the same calls).
declare module "mapbox-gl" {
  const mapboxgl: unknown;
  export default mapboxgl;
}
