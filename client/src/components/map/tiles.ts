/** The tile layer under the ward boundaries, when the server has one configured (MAP_TILE_URL). */
export interface MapTiles {
  urlTemplate: string;
  attribution: string;
}

/**
 * The attribution as Leaflet's attribution control takes it (it inserts HTML): the configured
 * plain text, escaped, so it shows as written and can never add markup to the page.
 */
export function attributionHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** How opaque the ward shading is: lighter over tiles, so the streets show through. */
export function wardFillOpacity(tiles: MapTiles | null | undefined): number {
  return tiles ? 0.55 : 0.75;
}
