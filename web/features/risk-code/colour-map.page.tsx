import { Alert, Button, Card, Col, Flex, List, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { settingsRoles } from '../../../shared/roles.ts';
import { ColourTag, type RiskColour, riskColourHex, riskColours } from '../../components/colour-explanation.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { useIsPhone } from '../../lib/media-query.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type ColourMapView, type MapPoint, stickerUrl, useColourMap } from './api.ts';
import { AreaManager } from './area-manager.tsx';
import { mapView } from './map-projection.ts';

/** 五色图: every catering unit of a street or area as a coloured point over our own outlines, with counts and a list. */
export function ColourMapPage() {
  const { t, i18n } = useTranslation('risk-code');
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const canManage = hasAnyRole(useMe().data, settingsRoles);
  const streetCode = searchParams.get('streetCode') ?? undefined;
  const areaId = Number(searchParams.get('areaId')) || undefined;
  const map = useColourMap({ streetCode, areaId });
  const everything = useColourMap({});
  const [isManaging, setManaging] = useState(false);
  const open = (point: MapPoint) => navigate(`/risk-code/entities/${point.entityId}`);
  const data = map.data;
  // A street's own outline is offered as the street; until the areas are loaded nothing is shown rather than an id.
  const selectedArea = areaId ? everything.data?.areas.find((area) => area.id === areaId) : undefined;
  const selectValue = areaId
    ? selectedArea
      ? selectedArea.kind === 'street' && selectedArea.streetCode
        ? `street:${selectedArea.streetCode}`
        : `area:${areaId}`
      : undefined
    : streetCode
      ? `street:${streetCode}`
      : 'all';
  const options = [
    { value: 'all', label: t('map.wholeDistrict') },
    ...(everything.data?.streets ?? []).map((street) => ({
      value: `street:${street.code}`,
      label: i18n.language === 'en' ? street.nameEn : street.name,
    })),
    ...(everything.data?.areas ?? [])
      .filter((area) => area.kind !== 'street')
      .map((area) => ({ value: `area:${area.id}`, label: `${area.name}（${t(`areaKind.${area.kind}`)}）` })),
  ];
  const printStreet = streetCode ?? data?.area?.streetCode ?? undefined;
  return (
    <>
      <PageHeader
        title={t('map.title')}
        extra={
          <>
            <Select
              aria-label={t('map.select')}
              data-testid="area-select"
              style={{ minWidth: 220 }}
              value={selectValue}
              options={options}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(value: string) => {
                const [kind, id] = value.split(':');
                setSearchParams(kind === 'street' ? { streetCode: id as string } : kind === 'area' ? { areaId: id as string } : {});
              }}
            />
            {printStreet ? (
              <Button href={stickerUrl({ streetCode: printStreet })} target="_blank" rel="noopener">
                {t('map.printStreet')}
              </Button>
            ) : null}
            {canManage ? <Button onClick={() => setManaging(true)}>{t('map.manageAreas')}</Button> : null}
          </>
        }
      />
      {map.error ? <Alert type="error" title={problemMessage(map.error)} /> : null}
      {data ? (
        <>
          <Legend data={data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card size="small">
                <MapDrawing data={data} onOpen={open} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              {isPhone ? (
                <List
                  dataSource={data.points}
                  rowKey="entityId"
                  pagination={{ pageSize: 10, size: 'small' }}
                  renderItem={(point) => (
                    <List.Item onClick={() => open(point)} style={{ cursor: 'pointer' }} data-testid="map-card">
                      <List.Item.Meta title={point.name} description={point.address} />
                      <ColourTag colour={point.colour} />
                    </List.Item>
                  )}
                />
              ) : (
                <Table<MapPoint>
                  size="small"
                  rowKey="entityId"
                  dataSource={data.points}
                  pagination={{ pageSize: 12, showSizeChanger: false }}
                  onRow={(point) => ({ onClick: () => open(point), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: t('map.name'), dataIndex: 'name' },
                    {
                      title: t('map.colour'),
                      dataIndex: 'colour',
                      render: (colour: RiskColour | null) => <ColourTag colour={colour} />,
                      filters: riskColours.map((colour) => ({ text: t(`colour.${colour}`), value: colour })),
                      onFilter: (value, point) => point.colour === value,
                    },
                    {
                      title: t('map.latestInspection'),
                      dataIndex: 'latestInspectionOn',
                      render: (on: string | null) => on ?? <Tag>{t('map.notInspected')}</Tag>,
                    },
                  ]}
                />
              )}
            </Col>
          </Row>
        </>
      ) : null}
      {isManaging ? <AreaManager streets={everything.data?.streets ?? []} onClose={() => setManaging(false)} /> : null}
    </>
  );
}

function Legend({ data }: { data: ColourMapView }) {
  const { t } = useTranslation('risk-code');
  return (
    <Flex wrap gap={16} style={{ marginBottom: 16 }} data-testid="map-legend">
      <Statistic title={t('map.units')} value={data.total} />
      <Statistic
        title={t('map.coverage')}
        value={(data.coverageBasisPoints / 100).toFixed(data.coverageBasisPoints % 100 === 0 ? 0 : 2)}
        suffix="%"
        data-testid="map-coverage"
      />
      {riskColours.map((colour) => (
        <Statistic
          key={colour}
          title={
            <Space size={4}>
              <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 6, background: riskColourHex[colour] }} />
              {t(`colour.${colour}`)}
            </Space>
          }
          value={data.counts[colour]}
          data-testid={`count-${colour}`}
        />
      ))}
    </Flex>
  );
}

const width = 800;

/**
 * Our own outlines and points in Web Mercator: drawn from our data alone, with no network; when the bureau has
 * configured a tile server, its tiles (fetched through our server) lie beneath, in the same projection.
 */
function MapDrawing({ data, onOpen }: { data: ColourMapView; onOpen: (point: MapPoint) => void }) {
  const { t } = useTranslation('risk-code');
  const view = useMemo(() => (data.bounds ? mapView(data.bounds, { width }) : null), [data.bounds]);
  if (!view) return <Typography.Text type="secondary">{t('map.empty')}</Typography.Text>;
  const located = data.points.filter((point) => point.lng !== null && point.lat !== null);
  const radius = located.length > 2000 ? 2 : located.length > 300 ? 3.5 : 6;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an svg drawing cannot be a <fieldset>; it groups the map's clickable points
    <svg
      viewBox={`0 0 ${width} ${view.height}`}
      style={{ width: '100%', height: 'auto', background: '#f7f9fb' }}
      role="group"
      aria-label={t('map.title')}
      data-testid="colour-map"
    >
      {data.hasTiles
        ? view
            .tiles()
            .map((tile) => (
              <image
                key={`${tile.z}/${tile.x}/${tile.y}`}
                href={`/api/v1/risk-code/map/tiles/${tile.z}/${tile.x}/${tile.y}`}
                x={tile.left}
                y={tile.top}
                width={tile.size}
                height={tile.size}
                preserveAspectRatio="none"
                opacity={0.85}
                data-testid="map-tile"
              />
            ))
        : null}
      {data.areas.map((area) => (
        <g key={area.id}>
          <polygon
            points={area.outline.map(([lng, lat]) => view.at(lng, lat).join(',')).join(' ')}
            fill={area.kind === 'street' ? 'rgba(21,101,192,0.04)' : 'rgba(239,108,0,0.08)'}
            stroke={area.id === data.area?.id ? '#ef6c00' : area.kind === 'street' ? '#90a4ae' : '#ef6c00'}
            strokeWidth={area.id === data.area?.id ? 3 : 1.5}
            strokeDasharray={area.kind === 'street' ? '6 4' : undefined}
          >
            <title>{area.name}</title>
          </polygon>
          <text
            x={view.at(...(area.outline[0] as [number, number]))[0] + 4}
            y={view.at(...(area.outline[0] as [number, number]))[1] - 4}
            fontSize={13}
            fill="#455a64"
          >
            {area.name}
          </text>
        </g>
      ))}
      {located.map((point) => {
        const [x, y] = view.at(point.lng as number, point.lat as number);
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG point cannot be a <button>; it has a role, a name and keys
          <circle
            key={point.entityId}
            cx={x}
            cy={y}
            r={radius}
            fill={point.colour ? riskColourHex[point.colour] : '#bdbdbd'}
            stroke="#fff"
            strokeWidth={1}
            style={{ cursor: 'pointer' }}
            role="button"
            tabIndex={0}
            aria-label={`${point.name} ${point.colour ? t(`colour.${point.colour}`) : t('colour.none')}`}
            data-testid="map-point"
            onClick={() => onOpen(point)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') onOpen(point);
            }}
          >
            <title>{`${point.name} · ${point.colour ? t(`colour.${point.colour}`) : t('colour.none')}`}</title>
          </circle>
        );
      })}
    </svg>
  );
}
