import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BatchDetail,
  BatchInput,
  BatchView,
  CertificateInput,
  CodeLookup,
  EventInput,
  EventView,
  FindingView,
  TraceView,
} from '../../../server/modules/cold-chain/cold-chain.schemas.ts';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

export type { BatchDetail, BatchInput, BatchView, CertificateInput, CodeLookup, EventInput, EventView, FindingView, TraceView };

const base = '/cold-chain';

export const useBatches = (query: { page: number; pageSize: number; q?: string; sellable?: string }) =>
  useQuery({
    queryKey: ['cold-chain', 'batches', query],
    queryFn: ({ signal }) => api.get<Page<BatchView>>(`${base}/batches`, query, signal),
  });

export const useBatch = (id: number) =>
  useQuery({
    queryKey: ['cold-chain', 'batch', id],
    queryFn: ({ signal }) => api.get<BatchDetail>(`${base}/batches/${id}`, undefined, signal),
  });

export const useTrace = (code: string | null, direction: 'back' | 'forward') =>
  useQuery({
    queryKey: ['cold-chain', 'trace', code, direction],
    enabled: code !== null,
    retry: false,
    queryFn: ({ signal }) => api.get<TraceView>(`${base}/trace/${encodeURIComponent(code ?? '')}`, { direction }, signal),
  });

export const useFindings = (query: { page: number; pageSize: number; state: 'open' | 'closed'; kind?: string }) =>
  useQuery({
    queryKey: ['cold-chain', 'findings', query],
    queryFn: ({ signal }) => api.get<Page<FindingView>>(`${base}/findings`, query, signal),
  });

export const useCode = (code: string | null) =>
  useQuery({
    queryKey: ['cold-chain', 'code', code],
    enabled: code !== null,
    retry: false,
    queryFn: ({ signal }) => api.get<CodeLookup>(`${base}/codes/${encodeURIComponent(code ?? '')}`, undefined, signal),
  });

/** The businesses the person may record for: an operator's own (the registry scopes the list). */
export const useMyBusinesses = (q?: string) =>
  useQuery({
    queryKey: ['cold-chain', 'businesses', q ?? ''],
    queryFn: ({ signal }) =>
      api.get<Page<{ id: number; name: string; address: string }>>(
        '/entities',
        { status: 'active', pageSize: 20, ...(q ? { q } : {}) },
        signal,
      ),
  });

export const useRecordEvent = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EventInput) => api.post<{ event: EventView; outputCodes: string[] }>(`${base}/events`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cold-chain'] }),
  });
};

export const useCreateBatch = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BatchInput) => api.post<BatchView>(`${base}/batches`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cold-chain', 'batches'] }),
  });
};

export const useAddCertificate = (batchId: number) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CertificateInput) => api.post<BatchDetail>(`${base}/batches/${batchId}/certificates`, body),
    onSuccess: (detail) => {
      client.setQueryData(['cold-chain', 'batch', batchId], detail);
      return client.invalidateQueries({ queryKey: ['cold-chain', 'batches'] });
    },
  });
};

export const useMarkSellable = (batchId: number) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<BatchView>(`${base}/batches/${batchId}/sellable`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cold-chain'] }),
  });
};

/** What an accepted EPCIS document stored. */
export interface EpcisResult {
  stored: number;
  eventIds: string[];
}
export const useCaptureEpcis = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (document: unknown) => api.post<EpcisResult>(`${base}/epcis`, document),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cold-chain'] }),
  });
};

export const certificateUrl = (id: number) => `/api/v1${base}/certificates/${id}`;
export const epcisUrl = (batchId: number) => `/api/v1${base}/batches/${batchId}/epcis`;
export const fsmaUrl = (from: string, to: string) => `/api/v1${base}/fsma204.xlsx?from=${from}&to=${to}`;
