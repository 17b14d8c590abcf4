import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AlarmList,
  AlarmView,
  AttendanceView,
  BulkResult,
  MedicineClass,
  NewPosKeyView,
  PharmacistView,
  PosKeyList,
  PosKeyView,
  RecordGroup,
  RegistrationView,
  ServicePointBody,
  ServicePointView,
  SettingsBody,
  SettingsView,
  StatusView,
  SupplyView,
  SurveillanceView,
  Symptom,
} from '../../../server/modules/pharmacies/pharmacies.schemas.ts';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

export type {
  AlarmView,
  AttendanceView,
  BulkResult,
  MedicineClass,
  NewPosKeyView,
  PharmacistView,
  PosKeyView,
  RecordGroup,
  RegistrationView,
  ServicePointBody,
  ServicePointView,
  SettingsBody,
  SettingsView,
  StatusView,
  SupplyView,
  SurveillanceView,
  Symptom,
};

/** The values a form may send; the server checks and names every bad field. */
export interface RegistrationForm {
  pharmacyId: number;
  buyerName: string;
  idKind: 'resident_id' | 'passport';
  idNumber: string;
  phone: string;
  address?: string;
  temperature?: number | null;
  symptoms?: Symptom[];
  medicineClass: MedicineClass;
  quantity: number;
  isForOther?: boolean;
  travelHistory?: string;
  hasContactHistory?: boolean;
}

export interface RecordFilter {
  day?: string;
  pharmacyId?: number;
  streetCode?: string;
  symptom?: Symptom;
  medicineClass?: MedicineClass;
  group?: RecordGroup;
  page?: number;
  pageSize?: number;
}

const keys = {
  all: ['pharmacies'] as const,
  status: (day: string) => ['pharmacies', 'status', day] as const,
  surveillance: (day: string) => ['pharmacies', 'surveillance', day] as const,
  records: (filter: RecordFilter) => ['pharmacies', 'records', filter] as const,
  servicePoints: ['pharmacies', 'service-points'] as const,
};

export const useStatus = (day: string) =>
  useQuery({ queryKey: keys.status(day), queryFn: ({ signal }) => api.get<StatusView>('/pharmacies/status', { day }, signal) });

export const useSurveillance = (day: string) =>
  useQuery({
    queryKey: keys.surveillance(day),
    queryFn: ({ signal }) => api.get<SurveillanceView>('/pharmacies/surveillance', { day }, signal),
  });

export const useRecords = (filter: RecordFilter | null) =>
  useQuery({
    queryKey: keys.records(filter ?? {}),
    queryFn: ({ signal }) =>
      api.get<Page<RegistrationView>>('/pharmacies/registrations', filter as Record<string, string | number>, signal),
    enabled: filter !== null,
  });

export const useServicePoints = () =>
  useQuery({
    queryKey: keys.servicePoints,
    queryFn: ({ signal }) => api.get<Page<ServicePointView>>('/pharmacies/service-points', {}, signal),
  });

function useInvalidating<TBody, TResult>(call: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useRegister = () => useInvalidating((body: RegistrationForm) => api.post<RegistrationView>('/pharmacies/registrations', body));
export const useReportNothing = () =>
  useInvalidating((body: { pharmacyId: number }) => api.post<{ pharmacyId: number; day: string }>('/pharmacies/reports', body));
export const useCreateServicePoint = () =>
  useInvalidating((body: ServicePointBody) => api.post<ServicePointView>('/pharmacies/service-points', body));
export const useReveal = () =>
  useMutation({
    mutationFn: ({ id, ...body }: { id: number; field: 'idNumber' | 'phone'; reason: string }) =>
      api.post<{ field: string; value: string }>(`/pharmacies/registrations/${id}/reveal`, body),
  });

/** The pharmacies the user may register for: an operator's own, or the district's for section staff. */
export const usePharmacies = () =>
  useQuery({
    queryKey: ['pharmacies', 'entities'],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: number; name: string; address: string }>>(
        '/entities',
        { category: 'pharmacy', status: 'active', pageSize: 100 },
        signal,
      ),
  });

export const usePharmacists = () =>
  useQuery({
    queryKey: ['pharmacies', 'pharmacists'],
    queryFn: ({ signal }) => api.get<Page<PharmacistView>>('/pharmacies/pharmacists', {}, signal),
  });
export const useAttendance = (month: string, enabled: boolean) =>
  useQuery({
    queryKey: ['pharmacies', 'attendance', month],
    queryFn: ({ signal }) => api.get<AttendanceView>('/pharmacies/attendance', { month }, signal),
    enabled,
  });
export const useRegisterPharmacist = () =>
  useInvalidating((body: { pharmacyId: number; name: string; licenceNumber: string }) =>
    api.post<PharmacistView>('/pharmacies/pharmacists', body),
  );
export const useCheck = () =>
  useInvalidating(({ direction, ...body }: { direction: 'in' | 'out'; pharmacistId: number; lng: number | null; lat: number | null }) =>
    api.post<{ checkedInAt: string; checkedOutAt: string | null; distanceMetres: number | null; isAway: boolean }>(
      `/pharmacies/attendance/check-${direction}`,
      body,
    ),
  );

export const useSupplies = (day: string) =>
  useQuery({
    queryKey: ['pharmacies', 'supplies', day],
    queryFn: ({ signal }) => api.get<SupplyView>('/pharmacies/supplies', { day }, signal),
  });
export const useReportSupplies = () =>
  useInvalidating((body: { pharmacyId: number; masks: number; alcohol: number; thermometers: number }) =>
    api.post<{ reportOn: string; shortages: string[] }>('/pharmacies/supplies', body),
  );

/* The bureau's settings */
export const useSettings = () =>
  useQuery({ queryKey: ['pharmacies', 'settings'], queryFn: ({ signal }) => api.get<SettingsView>('/pharmacies/settings', {}, signal) });
export const useSaveSettings = () => useInvalidating((body: SettingsBody) => api.post<SettingsView>('/pharmacies/settings', body));

/* EARS alarms */
export type AlarmStatusFilter = 'open' | AlarmView['status'];
export const useAlarms = (filter: { status?: AlarmStatusFilter; page?: number }) =>
  useQuery({
    queryKey: ['pharmacies', 'alarms', filter],
    queryFn: ({ signal }) =>
      api.get<AlarmList>('/pharmacies/alarms', { pageSize: 50, ...filter } as Record<string, string | number>, signal),
  });
export const useAlarmStep = () =>
  useInvalidating(({ id, action, note }: { id: number; action: 'see' | 'investigate' | 'close'; note?: string }) =>
    api.post<AlarmView>(`/pharmacies/alarms/${id}/${action}`, note ? { note } : {}),
  );

/* POS keys */
export const usePosKeys = () =>
  useQuery({ queryKey: ['pharmacies', 'pos-keys'], queryFn: ({ signal }) => api.get<PosKeyList>('/pharmacies/pos-keys', {}, signal) });
export const useCreatePosKey = () =>
  useInvalidating((body: { pharmacyId: number; label: string }) => api.post<NewPosKeyView>('/pharmacies/pos-keys', body));
export const useRevokePosKey = () => useInvalidating((id: number) => api.post<PosKeyView>(`/pharmacies/pos-keys/${id}/revoke`, {}));
