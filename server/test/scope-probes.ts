import { coldChainProbes } from '../modules/cold-chain/cold-chain.probes.ts';
import { complaintProbes } from '../modules/complaints/complaints.probes.ts';
import { consumerConfidenceProbes } from '../modules/consumer-confidence/consumer-confidence.probes.ts';
import { creditProbes } from '../modules/credit/credit.probes.ts';
import { dashboardProbes } from '../modules/dashboards/dashboards.probes.ts';
import { enforcementProbes } from '../modules/enforcement/enforcement.probes.ts';
import { foodSafetyProbes } from '../modules/food-safety/food-safety.probes.ts';
import { marketProbes } from '../modules/markets/markets.probes.ts';
import { pharmacyProbes } from '../modules/pharmacies/pharmacies.probes.ts';
import { productQualityProbes } from '../modules/product-quality/product-quality.probes.ts';
import { randomInspectionProbes } from '../modules/random-inspections/random-inspections.probes.ts';
import { registryProbes } from '../modules/registry/registry.probes.ts';
import { riskCodeProbes } from '../modules/risk-code/risk-code.probes.ts';
import { samplingProbes } from '../modules/sampling/sampling.probes.ts';
import { specialEquipmentProbes } from '../modules/special-equipment/special-equipment.probes.ts';
import { workshopProbes } from '../modules/workshops/workshops.probes.ts';
import type { ScopeProbe } from './scope-probe.ts';

const userRoutes = ['GET', 'PATCH', 'POST disable', 'POST enable', 'POST reset-password', 'POST reset-totp'].map((entry) => {
  const [method, action] = entry.split(' ');
  return { method: method as string, url: `/api/v1/users/:id${action ? `/${action}` : ''}` };
});

/** The platform's own probes; each module adds its list here. */
export const scopeProbes: ScopeProbe[] = [
  ...registryProbes,
  ...samplingProbes,
  ...enforcementProbes,
  ...complaintProbes,
  ...randomInspectionProbes,
  ...foodSafetyProbes,
  ...riskCodeProbes,
  ...workshopProbes,
  ...specialEquipmentProbes,
  ...pharmacyProbes,
  ...creditProbes,
  ...productQualityProbes,
  ...dashboardProbes,
  ...coldChainProbes,
  ...marketProbes,
  ...consumerConfidenceProbes,
  ...userRoutes.map(
    ({ method, url }): ScopeProbe => ({
      route: `${method} ${url}`,
      setup: async ({ home, other }) => ({
        id: home.users.leader.id,
        body: method === 'PATCH' ? { displayName: 'renamed' } : {},
        outsiders: [other.users.admin.username],
      }),
    }),
  ),
];
