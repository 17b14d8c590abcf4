import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';
import type { Page } from '../../lib/api-types.ts';

/**
 * A certified product 品字码 as GET /api/v1/risk-code/products returns it (risk-code has no schemas file yet;
 * this mirrors productView in server/modules/risk-code/service/subjects.ts).
 */
export interface ProductView {
  id: number;
  entityId: number | null;
  firmName: string;
  firmCreditCode: string;
  productName: string;
  certificateNumber: string;
  issuer: string;
  validUntil: string;
  standard: string;
  /** null once revoked. */
  token: string | null;
}
export type ProductBody = Omit<ProductView, 'id' | 'token' | 'entityId'> & { entityId?: number };

const keys = { all: ['products'] as const };

export const useProducts = (page: number, pageSize: number) =>
  useQuery({
    queryKey: [...keys.all, page, pageSize],
    queryFn: ({ signal }) => api.get<Page<ProductView>>('/risk-code/products', { page, pageSize }, signal),
  });

export function useCreateProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProductBody) => api.post<ProductView>('/risk-code/products', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRevokeProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<ProductView>(`/risk-code/products/${id}/revoke`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
