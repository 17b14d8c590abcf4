import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { apiRequest } from '../lib/api-client.ts';
import { chinaTodayPicker } from '../lib/date-format.ts';
import { applyProblemToForm } from '../lib/form-errors.ts';

/**
 * A file's next step in a dialog (complaints, cases): which dialog is open, its form (the date defaults to today in
 * China), and the submit that closes it on success or puts the problem's field errors on the form.
 */
export function useStepDialog<Dialog, Values extends object>() {
  const [form] = Form.useForm<Values>();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const open = (next: Dialog, values: Partial<Values> = {}) => {
    setErrors([]);
    form.resetFields();
    form.setFieldsValue({ on: chinaTodayPicker(), ...values } as Parameters<typeof form.setFieldsValue>[0]);
    setDialog(next);
  };
  const submit = async (run: (dialog: Dialog, values: Values) => Promise<unknown>) => {
    if (dialog === null) return;
    const values = await form.validateFields();
    try {
      await run(dialog, values);
      setDialog(null);
    } catch (error) {
      setErrors(applyProblemToForm(form, error));
    }
  };
  return { form, dialog, errors, open, submit, close: () => setDialog(null) };
}

/** The dialog of useStepDialog: the messages that fit no field above the form. */
export function StepDialog<Values extends object>({
  isOpen,
  title,
  form,
  errors,
  onCancel,
  onOk,
  confirmLoading,
  width,
  notice,
  children,
}: {
  isOpen: boolean;
  title: ReactNode;
  form: FormInstance<Values>;
  errors: string[];
  onCancel: () => void;
  onOk: () => void;
  confirmLoading: boolean;
  width?: number;
  /** Shown above the form (e.g. why a reveal is audited). */
  notice?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Modal open={isOpen} title={title} onCancel={onCancel} onOk={onOk} confirmLoading={confirmLoading} destroyOnHidden width={width}>
      {errors.length ? <Alert type="error" title={errors.join('; ')} style={{ marginBottom: 12 }} /> : null}
      {notice}
      <Form form={form} layout="vertical">
        {children}
      </Form>
    </Modal>
  );
}

/** A request body without the fields left empty (undefined or ''), so the server applies its defaults. */
export function withoutBlanks(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined && value !== ''));
}

/**
 * A step on a file (a complaint, a case): POST or PUT `<filePath>/<path>`. The file comes back and replaces the cached
 * one; the queues (and whatever else counts the files) refetch.
 */
export function useFileStep<View>(filePath: string, itemKey: QueryKey, refetch: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method = 'POST' }: { path: string; body: object; method?: 'POST' | 'PUT' }) =>
      apiRequest<View>(method, `${filePath}/${path}`, { body }),
    onSuccess: (view) => {
      queryClient.setQueryData(itemKey, view);
      for (const queryKey of refetch) void queryClient.invalidateQueries({ queryKey });
    },
  });
}
