import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  CreateEntityBody,
  EntityList,
  EntityListItem,
  EntitySearchQuery,
  EntityView,
  ImportAction,
  ImportBatchView,
  ImportColumns,
  ImportField,
  ImportMappingView,
  ImportRowView,
  RevealBody,
  RevealView,
  StatisticsView,
  StatusChangeBody,
  TimelineView,
} from '../../../server/modules/registry/registry.schemas.ts';
import { bureauStaffRoles, districtWideRoles, type Role, registryReaderRoles, settingsRoles } from '../../../shared/roles.ts';
import {
  businessCategories,
  entityKinds,
  entityStatuses,
  importActions,
  importFields,
  licenceKinds,
} from '../../../shared/vocabularies/registry.ts';
import { api, apiUpload } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

export { type Street, useStations, useStreets } from '../../lib/org-queries.ts';
// Types come from the server's TypeBox schemas (types only).
export type {
  CreateEntityBody,
  EntityList,
  EntityListItem,
  EntityView,
  ImportAction,
  ImportBatchView,
  ImportColumns,
  ImportField,
  ImportRowView,
  StatisticsView,
};
export { businessCategories, entityKinds, entityStatuses, importActions, importFields, licenceKinds };
export type TimelineEvent = Static<typeof TimelineView>['items'][number];
export type ImportMapping = Static<typeof ImportMappingView>;
export type Reveal = Static<typeof RevealView>;
export type RevealField = RevealBody['field'];
export type EntityFilter = Omit<EntitySearchQuery, 'page' | 'pageSize'>;
export type LicenceKind = EntityView['licences'][number]['kind'];

/** Who may do what (the server checks again on every call). */
export const registryRoles = {
  read: registryReaderRoles,
  write: settingsRoles,
  reveal: bureauStaffRoles,
  export: bureauStaffRoles,
  statistics: districtWideRoles,
} as const satisfies Record<string, readonly Role[]>;

export const registryKeys = {
  all: ['registry'] as const,
  list: (params: EntitySearchQuery) => ['registry', 'entities', params] as const,
  entity: (id: number) => ['registry', 'entity', id] as const,
  timeline: (id: number) => ['registry', 'entity', id, 'timeline'] as const,
  statistics: (asOf: string) => ['registry', 'statistics', asOf] as const,
  importBatch: (id: number) => ['registry', 'imports', id] as const,
  importRows: (id: number, action: ImportAction | undefined, page: number, pageSize: number) =>
    ['registry', 'imports', id, 'rows', action, page, pageSize] as const,
  mappings: ['registry', 'import-mappings'] as const,
};

export function useEntities(params: EntitySearchQuery) {
  return useQuery({
    queryKey: registryKeys.list(params),
    queryFn: ({ signal }) => api.get<EntityList>('/entities', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEntity(id: number) {
  return useQuery({
    queryKey: registryKeys.entity(id),
    queryFn: ({ signal }) => api.get<EntityView>(`/entities/${id}`, {}, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useTimeline(id: number) {
  return useQuery({
    queryKey: registryKeys.timeline(id),
    queryFn: ({ signal }) => api.get<{ items: TimelineEvent[] }>(`/entities/${id}/timeline`, {}, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useStatistics(asOf: string) {
  return useQuery({
    queryKey: registryKeys.statistics(asOf),
    queryFn: ({ signal }) => api.get<StatisticsView>('/registry/statistics', { asOf }, signal),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(asOf),
  });
}

function useRegistryMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }) });
}

export function useCreateEntity() {
  return useRegistryMutation((body: CreateEntityBody) => api.post<EntityView>('/entities', body));
}

export function useChangeStatus(id: number) {
  return useRegistryMutation((body: StatusChangeBody) => api.post<EntityView>(`/entities/${id}/status`, body));
}

/** Not cached: the plain value is shown once, in the dialog that asked for it. */
export function useReveal(id: number) {
  return useMutation({ mutationFn: (body: RevealBody) => api.post<Reveal>(`/entities/${id}/reveal`, body) });
}

/** The export link for a filtered list: a plain download, streamed by the server. */
export function exportUrl(filter: EntityFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `/api/v1/entities/export.xlsx${search ? `?${search}` : ''}`;
}

// ---- Imports -------------------------------------------------------------------------------------------

export interface DryRunInput {
  file: File;
  mappingId?: number;
  columns?: ImportColumns;
}

/** The dry run: the file itself as the body, the column mapping (saved or by hand) in the query. */
export function uploadForDryRun({ file, mappingId, columns }: DryRunInput): Promise<ImportBatchView> {
  return apiUpload<ImportBatchView>('POST', '/registry/imports', file, {
    filename: file.name,
    mappingId,
    columns: columns === undefined ? undefined : JSON.stringify(columns),
  });
}

export function useDryRun() {
  return useMutation({ mutationFn: uploadForDryRun });
}

export function useImportRows(id: number | undefined, action: ImportAction | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: registryKeys.importRows(id ?? 0, action, page, pageSize),
    queryFn: ({ signal }) => api.get<Page<ImportRowView>>(`/registry/imports/${id}/rows`, { action, page, pageSize }, signal),
    enabled: id !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCommitImport() {
  return useRegistryMutation((id: number) => api.post<ImportBatchView>(`/registry/imports/${id}/commit`));
}

export function errorReportUrl(id: number): string {
  return `/api/v1/registry/imports/${id}/errors.csv`;
}

export function useImportMappings(isEnabled = true) {
  return useQuery({
    queryKey: registryKeys.mappings,
    queryFn: ({ signal }) => api.get<{ items: ImportMapping[] }>('/registry/import-mappings', {}, signal),
    enabled: isEnabled,
  });
}

export function useSaveMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; columns: ImportColumns }) => api.post<ImportMapping>('/registry/import-mappings', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.mappings }),
  });
}

/**
 * The header row of a csv, read in the browser: lets the user map columns by hand when the server could not
 * guess the required ones. (An xlsx would need a spreadsheet reader in the bundle; its headers come back
 * from the server once a saved mapping or the guess covers the required columns.)
 */
export async function csvHeaders(file: File): Promise<string[]> {
  const text = await file.slice(0, 64 * 1024).text();
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const headers: string[] = [];
  let current = '';
  let isQuoted = false;
  for (let index = 0; index < firstLine.length; index += 1) {
    const character = firstLine[index];
    if (isQuoted) {
      if (character === '"' && firstLine[index + 1] === '"') {
        current += '"';
        index += 1;
      } else if (character === '"') isQuoted = false;
      else current += character;
    } else if (character === '"') isQuoted = true;
    else if (character === ',') {
      headers.push(current.trim());
      current = '';
    } else current += character;
  }
  headers.push(current.trim());
  return headers.filter((header) => header !== '');
}
