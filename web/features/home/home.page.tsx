import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Flex, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Role } from '../../../shared/roles.ts';
import { CalendarWarning } from '../../components/calendar-warning.tsx';
import { riskColourHex, riskColours } from '../../components/colour-explanation.tsx';
import { FiguresXlsxButton, YearTrend } from '../../components/figure-trend.tsx';
import { useDocumentTitle } from '../../components/page-header.tsx';
import { PeriodPicker, usePeriod } from '../../components/period-statistics.tsx';
import { RoleTags } from '../../components/role-tags.tsx';
import { ShareChart } from '../../components/trend-chart.tsx';
import { api } from '../../lib/api-client.ts';
import { useMe } from '../../lib/session.ts';
import { type AlertSource, useMyBusinesses } from './api.ts';
import { AlertList, FigureGrid } from './dashboard-parts.tsx';
import { MyBusinesses } from './my-businesses.tsx';

/** The figures a bureau leader asks first ("how are we doing this year?"), in the order of the work summary. */
const leaderFigures = [
  'registry.entities',
  'registry.registered',
  'complaints.accepted',
  'complaints.satisfaction',
  'enforcement.closed',
  'enforcement.penalty-amount',
  'food-safety.inspections',
  'sampling.food-routine-pass-rate',
  'random-inspections.done',
  'food-safety.handlers',
  'risk-code.coded-units',
  'workshops.black-list',
] as const;
const sectionFigures = [
  'food-safety.inspections',
  'food-safety.non-compliant',
  'food-safety.findings-opened',
  'food-safety.handlers',
  'sampling.food-routine-batches',
  'sampling.food-routine-pass-rate',
  'risk-code.coded-units',
  'workshops.evaluations',
] as const;

type Labelled = AlertSource & { label: string };

/** A work-queue line: its label, the API list and filter it counts, and the page that lists the same items. */
const source = (key: string, label: string, path: string, query: Record<string, string>, link: string): Labelled => ({
  key,
  label,
  path,
  query,
  link,
});

function useLeaderAlerts(): Labelled[] {
  const { t } = useTranslation('shell');
  const alert = (key: string, path: string, query: Record<string, string>, link: string) =>
    source(key, t(`home.alerts.${key}`), path, query, link);
  return [
    alert('complaintsOverdue', '/complaints', { flag: 'overdue' }, '/complaints?flag=overdue'),
    alert('casesOverdue', '/cases', { flag: 'overdue' }, '/cases?flag=overdue'),
    alert('tasksWaiting', '/random-inspections/tasks', { status: 'assigned' }, '/random-inspections/tasks?all=1&status=assigned'),
    alert('certificatesExpiring', '/health-certificate-warnings', { level: 'expiring-30' }, '/food-safety/section'),
    alert('findingsOpen', '/supervision-findings', { status: 'open' }, '/food-safety/section'),
    alert('samplesUnhandled', '/sampling/handling', { status: 'open' }, '/sampling/handling?status=open'),
    alert('inspectionsOverdue', '/food-safety-due', { state: 'overdue' }, '/food-safety/due?state=overdue'),
  ];
}

function ColourShares() {
  const { t } = useTranslation(['shell', 'risk-code']);
  const map = useQuery({
    queryKey: ['home', 'colour-map'],
    queryFn: ({ signal }) => api.get<{ counts: Record<string, number> }>('/risk-code/map', {}, signal),
  });
  return (
    <Card
      size="small"
      title={t('home.colourTitle')}
      extra={<Link to="/risk-code/map">{t('home.openMap')}</Link>}
      loading={map.isLoading}
      style={{ marginBottom: 16 }}
    >
      <ShareChart
        testId="colour-shares"
        slices={riskColours.map((colour) => ({
          name: t(`risk-code:colour.${colour}`, { defaultValue: colour }),
          value: map.data?.counts[colour] ?? 0,
          colour: riskColourHex[colour],
        }))}
      />
    </Card>
  );
}

/** Leaders and the office: the period's key figures, monthly trends, the colour map and today's alerts. */
function LeaderHome({ figureKeys }: { figureKeys: readonly string[] }) {
  const { t } = useTranslation('shell');
  const { figurePeriod, trendYear: year } = usePeriod();
  const alerts = useLeaderAlerts();
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <PeriodPicker labels={{ from: t('period.from'), to: t('period.to'), year: t('period.year') }} />
        <FiguresXlsxButton period={figurePeriod} />
      </Flex>
      <FigureGrid period={figurePeriod} keys={figureKeys} testId="home-figures" />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <YearTrend figureKey="complaints.accepted" year={year} title={t('home.complaintTrend')} />
          <YearTrend figureKey="food-safety.inspections" year={year} title={t('home.inspectionTrend')} />
        </Col>
        <Col xs={24} xl={8}>
          <AlertList sources={alerts} title={t('home.alertsTitle')} testId="home-alerts" />
          <ColourShares />
        </Col>
      </Row>
    </>
  );
}

/** An inspector's day: my tasks, units due on my streets, my deadlines, re-checks. */
function InspectorHome() {
  const { t } = useTranslation('shell');
  const sources: Labelled[] = [
    source(
      'tasksWaiting',
      t('home.myTasks'),
      '/random-inspections/tasks',
      { mine: 'true', status: 'assigned' },
      '/random-inspections/tasks',
    ),
    source('inspectionsDue', t('home.myDue'), '/food-safety-due', { state: 'due' }, '/food-safety/due'),
    source('inspectionsOverdue', t('home.overdueInspections'), '/food-safety-due', { state: 'overdue' }, '/food-safety/due?state=overdue'),
    source('complaintsOverdue', t('home.alerts.complaintsOverdue'), '/complaints', { flag: 'overdue' }, '/complaints?flag=overdue'),
    source('casesOverdue', t('home.alerts.casesOverdue'), '/cases', { flag: 'overdue' }, '/cases?flag=overdue'),
    source('rectificationsDue', t('home.alerts.rectificationsDue'), '/rectification-orders', {}, '/food-safety/station'),
  ];
  return <AlertList sources={sources} title={t('home.alertsTitle')} testId="home-alerts" />;
}

/** The lab: samples waiting, by the deadline the rules give them. */
function LabHome() {
  const { t } = useTranslation('shell');
  const sources: Labelled[] = [
    source('toReceive', t('home.samplesWaiting'), '/lab/samples', { labStatus: 'to_receive' }, '/sampling/lab'),
    source('testing', t('home.sampleDeadlines'), '/lab/samples', { labStatus: 'testing' }, '/sampling/lab'),
  ];
  return <AlertList sources={sources} title={t('home.alertsTitle')} testId="home-alerts" />;
}

/** An operator (a restaurant, a pharmacy, an equipment user, a market): each business's state, what is due, messages. */
function OperatorHome() {
  const { t } = useTranslation('shell');
  const categories = new Set(useMyBusinesses().data?.items.map((business) => business.businessCategory));
  const sources: Labelled[] = [
    ...(categories.has('catering')
      ? [
          source('notices', t('home.notices'), '/food-safety-notices', {}, '/food-safety/shops'),
          source('certificatesExpiring', t('home.alerts.certificatesExpiring'), '/health-certificate-warnings', {}, '/food-safety/shops'),
        ]
      : []),
    ...(categories.has('special_equipment_user')
      ? [
          source(
            'equipmentDue',
            t('home.alerts.equipmentDue'),
            '/special-equipment/equipment',
            { due: 'due_or_overdue' },
            '/special-equipment',
          ),
          source(
            'hazardsToRectify',
            t('home.alerts.hazardsToRectify'),
            '/special-equipment/hazards',
            { status: 'ordered' },
            '/special-equipment/hazards',
          ),
        ]
      : []),
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <MyBusinesses />
      </Col>
      <Col xs={24} lg={8}>
        <AlertList sources={sources} title={t('home.alertsTitle')} testId="home-alerts" />
      </Col>
    </Row>
  );
}

/** The market's testing room and organiser: one button to their market's page (phone-first). */
function MarketAccountHome() {
  const { t } = useTranslation('shell');
  const navigate = useNavigate();
  return (
    <Button type="primary" size="large" block onClick={() => navigate('/markets')}>
      {t('nav.markets')}
    </Button>
  );
}

/** Section staff: the leader's view of their district, and the files waiting for their decision. */
function SectionHome() {
  const { t } = useTranslation('shell');
  const queue: Labelled[] = [
    source(
      'applicationsPending',
      t('home.queue.applicationsPending'),
      '/operator-registrations',
      { status: 'pending' },
      '/food-safety/applications',
    ),
    source('uploadsToReview', t('home.queue.uploadsToReview'), '/shop-uploads', { status: 'submitted' }, '/food-safety/section'),
    source('appealsOpen', t('home.queue.appealsOpen'), '/grade-appeals', { status: 'open' }, '/food-safety/section'),
    source('repairsSubmitted', t('home.queue.repairsSubmitted'), '/credit/repairs', { status: 'submitted' }, '/credit?tab=repairs'),
    source(
      'equipmentOverdue',
      t('home.queue.equipmentOverdue'),
      '/special-equipment/equipment',
      { due: 'overdue' },
      '/special-equipment/due',
    ),
    source(
      'hazardsOverdue',
      t('home.queue.hazardsOverdue'),
      '/special-equipment/hazards',
      { isOverdue: 'true' },
      '/special-equipment/hazards',
    ),
  ];
  return (
    <>
      <AlertList sources={queue} title={t('home.workQueue')} testId="home-queue" />
      <LeaderHome figureKeys={sectionFigures} />
    </>
  );
}

const has = (roles: readonly Role[], ...wanted: Role[]) => wanted.some((role) => roles.includes(role));

/** A special-equipment third party (expert, inspection body, maintenance unit): its pages in that module. */
function ThirdPartyHome({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const links = [
    { to: '/special-equipment', label: t('home.thirdParty.register'), show: true },
    { to: '/special-equipment/hazards/new', label: t('home.thirdParty.recordHazard'), show: has(roles, 'expert') },
    { to: '/special-equipment/hazards', label: t('home.thirdParty.hazards'), show: has(roles, 'expert') },
    { to: '/special-equipment/due', label: t('home.thirdParty.due'), show: has(roles, 'inspection_body') },
    {
      to: '/special-equipment?kind=elevator&maintenance=missed',
      label: t('home.thirdParty.maintenance'),
      show: has(roles, 'maintenance_unit'),
    },
  ];
  return (
    <Card size="small" title={t('home.thirdParty.title')} data-testid="home-third-party">
      <Space direction="vertical">
        {links
          .filter((link) => link.show)
          .map((link) => (
            <Link key={link.to} to={link.to}>
              {link.label}
            </Link>
          ))}
      </Space>
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('shell:nav.home'));
  const { data: me } = useMe();
  if (!me) return null;
  const roles = me.roles as Role[];
  return (
    <>
      <CalendarWarning />
      <Card data-testid="home-welcome" size="small" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('home.district')}>
            {me.districtName} <Typography.Text type="secondary">({me.districtCode})</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.orgUnit')}>{me.orgUnitName ?? t('home.noOrgUnit')}</Descriptions.Item>
          <Descriptions.Item label={t('home.roles')}>
            <RoleTags roles={me.roles} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {has(roles, 'leader', 'admin') ? (
        <LeaderHome figureKeys={leaderFigures} />
      ) : has(roles, 'section') ? (
        <SectionHome />
      ) : has(roles, 'inspector') ? (
        <InspectorHome />
      ) : has(roles, 'lab') ? (
        <LabHome />
      ) : has(roles, 'operator', 'market_manager') ? (
        <OperatorHome />
      ) : has(roles, 'market_testing_room', 'market_organiser') ? (
        // The market's testing room and organiser work on their one market's page (phone-first).
        <MarketAccountHome />
      ) : has(roles, 'expert', 'inspection_body', 'maintenance_unit') ? (
        <ThirdPartyHome roles={roles} />
      ) : null}
    </>
  );
}
