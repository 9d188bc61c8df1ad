/**
 * The restricted area (s.59(4)): always in words, because the order is published and signed in words
 * (the Publication Regulations 2014), and optionally as a map. The map is GeoJSON (RFC 7946), so that
 * a console can draw it and a GIS can read it without conversion.
 */

/** Longitude, latitude (and optionally altitude), in WGS 84 degrees, in that order (RFC 7946 s.3.1.1). */
export type GeoPosition = readonly [number, number] | readonly [number, number, number];
/** A closed ring: at least four positions, the last the same as the first (RFC 7946 s.3.1.6). */
export type LinearRing = readonly GeoPosition[];

export type PspoGeometry =
  | { readonly type: 'Polygon'; readonly coordinates: readonly LinearRing[] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly LinearRing[])[] };

export interface PspoArea {
  readonly description: string;
  readonly geometry?: PspoGeometry;
}

/**
 * What is wrong with `geometry` as the map of an area, in words, or undefined when it is a valid
 * Polygon or MultiPolygon. Takes `unknown` because a map arrives as an uploaded file or a request body.
 * The winding order of rings is not checked: RFC 7946 says parsers should not reject on it.
 */
export function pspoGeometryProblem(geometry: unknown): string | undefined {
  if (typeof geometry !== 'object' || geometry === null) return 'the map is not a GeoJSON object';
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return polygonProblem(coordinates, 'the polygon');
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return 'the multipolygon has no polygons';
    for (const [index, polygon] of coordinates.entries()) {
      const problem = polygonProblem(polygon, `polygon ${index + 1}`);
      if (problem) return problem;
    }
    return undefined;
  }
  return `a restricted area is a Polygon or a MultiPolygon, not ${typeof type === 'string' ? type : 'an untyped geometry'}`;
}

function polygonProblem(rings: unknown, name: string): string | undefined {
  if (!Array.isArray(rings) || rings.length === 0) return `${name} has no rings`;
  for (const [index, ring] of rings.entries()) {
    const problem = ringProblem(ring, `${name}, ring ${index + 1}`);
    if (problem) return problem;
  }
  return undefined;
}

function ringProblem(ring: unknown, name: string): string | undefined {
  if (!Array.isArray(ring) || ring.length < 4) return `${name} needs at least 4 positions`;
  for (const position of ring) {
    const problem = positionProblem(position);
    if (problem) return `${name}: ${problem}`;
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first.length !== last.length || first.some((value, i) => value !== last[i])) return `${name} is not closed: its last position must repeat its first`;
  return undefined;
}

function positionProblem(position: unknown): string | undefined {
  if (!Array.isArray(position) || position.length < 2 || position.length > 3) return 'a position is [longitude, latitude] or [longitude, latitude, altitude]';
  if (!position.every((value) => typeof value === 'number' && Number.isFinite(value))) return 'a position holds only finite numbers';
  const [longitude, latitude] = position as number[];
  if (longitude! < -180 || longitude! > 180) return `longitude ${longitude} is outside -180 to 180`;
  if (latitude! < -90 || latitude! > 90) return `latitude ${latitude} is outside -90 to 90`;
  return undefined;
}
