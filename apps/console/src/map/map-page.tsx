import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import * as maplibregl from 'maplibre-gl';
import type { GeoJSONSource, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre finds its worker next to its own module, a file the bundler does not see: bundle the worker (with what
// it imports) as a module worker of our own origin and tell MapLibre where it is (CSP: worker-src 'self').
import mapWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { get } from '../api/http';
import { holderLevels, BoardItem, BoundaryCollection } from '../api/types';
import { consoleConfig } from '../auth/console-config';
import { useOpenCase } from '../case/open-case';
import { useScope } from '../shell/scope';
import { BOARD_BLOCK, fetchBoard } from '../board/board-query';
import { boundsOf, centroidOf, spread } from './geometry';
import { levelColours } from './level-colours';
import { GridPanel } from './grid-panel';

maplibregl.setWorkerUrl(mapWorkerUrl);

/** The map shows at most this many open cases (most urgent first); the board lists them all. */
const MAX_MAP_CASES = 2000;
const noFilters = { level: null, category: null, gridId: null, overdueOnly: false } as const;

async function openCases(tenantId: string, signal: AbortSignal): Promise<BoardItem[]> {
  const first = await fetchBoard(tenantId, noFilters, null, 0, BOARD_BLOCK, signal);
  const items = [...first.items];
  for (let offset = BOARD_BLOCK; offset < Math.min(first.total, MAX_MAP_CASES); offset += BOARD_BLOCK) {
    items.push(...(await fetchBoard(tenantId, noFilters, null, offset, BOARD_BLOCK, signal)).items);
  }
  return items;
}

/** A style with nothing remote: a plain background, plus raster tiles only when a tile URL is configured. */
function baseStyle(tileUrl: string | null, attribution: string | null): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }],
  };
  if (tileUrl) {
    // A Leaflet-style `{s}.` subdomain template becomes the three hosts MapLibre takes turns on.
    const tiles = tileUrl.includes('{s}') ? ['a', 'b', 'c'].map((host) => tileUrl.replace('{s}', host)) : [tileUrl];
    style.sources.tiles = { type: 'raster', tiles, tileSize: 256, attribution: attribution ?? undefined };
    style.layers.push({ id: 'tiles', type: 'raster', source: 'tiles' });
  }
  return style;
}

const levelColourExpression = [
  'match',
  ['get', 'level'],
  ...holderLevels.flatMap((level) => [level, levelColours[level]]),
  '#555',
] as unknown as string;

/** The district's grids from their registered boundaries, open cases as markers coloured by level. */
export function MapPage() {
  const { t } = useTranslation();
  const scope = useScope();
  const { openCase } = useOpenCase();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [rendered, setRendered] = useState(0);
  const [selected, setSelected] = useState<{ gridId: string; name: string; level: string } | null>(null);
  const tenantId = scope.tenantId;
  const config = useQuery({ queryKey: ['console-config'], queryFn: consoleConfig, staleTime: Infinity });
  const boundaries = useQuery({
    queryKey: ['boundaries', tenantId],
    queryFn: ({ signal }) =>
      get<BoundaryCollection>(
        'grid-registry',
        `/v1/tenants/${encodeURIComponent(tenantId as string)}/boundaries`,
        undefined,
        signal,
      ),
    enabled: tenantId !== null,
    staleTime: 5 * 60_000,
  });
  const cases = useQuery({
    queryKey: ['map-cases', tenantId],
    queryFn: ({ signal }) => openCases(tenantId as string, signal),
    enabled: tenantId !== null,
  });

  const caseFeatures = useMemo(() => {
    const centroids = new Map(
      (boundaries.data?.features ?? []).map((feature) => [feature.properties.gridId, centroidOf(feature)]),
    );
    const perGrid = new Map<string, number>();
    const features = [];
    for (const item of cases.data ?? []) {
      const gridId = [item.originGridId, item.gridId].find((id) => id && centroids.get(id));
      if (!gridId) continue;
      const index = perGrid.get(gridId) ?? 0;
      perGrid.set(gridId, index + 1);
      features.push({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: spread(centroids.get(gridId)!, index) },
        properties: {
          issueId: item.issueId,
          tenantId: item.tenantId,
          level: item.level,
          overdue: item.overdue,
          critical: item.critical,
        },
      });
    }
    return { type: 'FeatureCollection' as const, features };
  }, [boundaries.data, cases.data]);

  useEffect(() => {
    if (!container.current || !config.data || tenantId === null) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: baseStyle(config.data.map.tileUrl, config.data.map.attribution),
      center: [113.62, 34.72],
      zoom: 11,
      attributionControl: config.data.map.tileUrl ? {} : false,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      map.addSource('grids', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addSource('cases', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({
        id: 'grid-fill',
        type: 'fill',
        source: 'grids',
        paint: {
          'fill-color': '#90a4ae',
          'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.45, 0.15],
        },
      });
      map.addLayer({
        id: 'grid-line',
        type: 'line',
        source: 'grids',
        paint: {
          'line-color': '#455a64',
          'line-width': ['match', ['get', 'level'], 'street', 2.5, 'community', 1.8, 1],
        },
      });
      map.addLayer({
        id: 'case-points',
        type: 'circle',
        source: 'cases',
        paint: {
          'circle-color': levelColourExpression,
          'circle-radius': ['case', ['get', 'critical'], 8, 6],
          'circle-stroke-width': ['case', ['get', 'overdue'], 3, 1],
          'circle-stroke-color': ['case', ['get', 'overdue'], '#ff1744', '#ffffff'],
        },
      });
      map.on('click', 'case-points', (event) => {
        const properties = event.features?.[0]?.properties as { issueId: string; tenantId: string } | undefined;
        if (properties) openCase(properties.tenantId, properties.issueId);
      });
      map.on('click', (event) => {
        if (map.queryRenderedFeatures(event.point, { layers: ['case-points'] }).length > 0) return;
        // The smallest grid under the pointer: micro-grids lie inside their community, inside their street.
        const order = ['micro', 'grid', 'community', 'street'];
        const hits = map.queryRenderedFeatures(event.point, { layers: ['grid-fill'] });
        const smallest = hits.sort(
          (a, b) => order.indexOf(String(a.properties?.level)) - order.indexOf(String(b.properties?.level)),
        )[0];
        if (smallest?.properties)
          setSelected({
            gridId: String(smallest.properties.gridId),
            name: String(smallest.properties.name),
            level: String(smallest.properties.level),
          });
      });
      for (const layer of ['case-points', 'grid-fill']) {
        map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
        map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
      }
      map.on('idle', () => {
        const ids = new Set(
          map.queryRenderedFeatures({ layers: ['grid-fill'] }).map((feature) => feature.properties?.gridId),
        );
        setRendered(ids.size);
      });
      setLoaded(true);
    });
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
      setLoaded(false);
    };
  }, [config.data, tenantId, openCase]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !boundaries.data) return;
    (map.getSource('grids') as GeoJSONSource).setData({
      ...boundaries.data,
      features: boundaries.data.features.map((feature, index) => ({ ...feature, id: index + 1 })),
    } as Parameters<GeoJSONSource['setData']>[0]);
    const bounds = boundsOf(boundaries.data.features);
    if (bounds) map.fitBounds(bounds, { padding: 40, duration: 0 });
  }, [loaded, boundaries.data]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    (map.getSource('cases') as GeoJSONSource).setData(caseFeatures as Parameters<GeoJSONSource['setData']>[0]);
  }, [loaded, caseFeatures]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !boundaries.data) return;
    boundaries.data.features.forEach((feature, index) =>
      map.setFeatureState(
        { source: 'grids', id: index + 1 },
        { selected: feature.properties.gridId === selected?.gridId },
      ),
    );
  }, [loaded, boundaries.data, selected]);

  if (tenantId === null) return <p className="hint">{t('app.pickDistrict')}</p>;
  const featureCount = boundaries.data?.features.length ?? 0;
  return (
    <div className="map-page">
      <div className="map-frame">
        <div
          ref={container}
          className="map-canvas"
          role="region"
          aria-label={t('map.title')}
          data-grids={featureCount}
          data-rendered-grids={rendered}
          data-cases={caseFeatures.features.length}
        />
        {boundaries.isSuccess && featureCount === 0 && <p className="map-overlay hint">{t('map.noBoundaries')}</p>}
        {boundaries.isError && (
          <p role="alert" className="map-overlay error">
            {boundaries.error.message}
          </p>
        )}
        <ul className="legend" aria-label={t('map.legend')}>
          {holderLevels.map((level) => (
            <li key={level}>
              <span className="swatch" data-level={level} /> {t(`levels.${level}`)}
            </li>
          ))}
        </ul>
      </div>
      {selected && <GridPanel tenantId={tenantId} grid={selected} onClose={() => setSelected(null)} />}
      <nav className="grid-list" aria-label={t('map.select')}>
        <h2>{t('map.select')}</h2>
        <ul>
          {(boundaries.data?.features ?? [])
            .filter((feature) => feature.properties.level !== 'micro')
            .map((feature) => (
              <li key={feature.properties.gridId}>
                <button
                  type="button"
                  onClick={() =>
                    setSelected({
                      gridId: feature.properties.gridId,
                      name: feature.properties.name,
                      level: feature.properties.level,
                    })
                  }
                >
                  {feature.properties.name}
                </button>
              </li>
            ))}
        </ul>
      </nav>
    </div>
  );
}
