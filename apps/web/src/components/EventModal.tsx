import { Alert, App, Form, Modal, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, api, newIdempotencyKey, type FieldError } from '../api/client';
import type { CaseView, Party, WorkflowEvent } from '../api/types';
import { showFieldErrors } from '../lib/field-errors';
import { ErrorNotice } from './ErrorNotice';
import { SchemaFields, cleanData } from './SchemaFields';

interface Props {
  caseId: string;
  caseNo: string;
  /** The case version the person is looking at: sent as If-Match, so nobody acts on a case that changed meanwhile. */
  version: number;
  event: { type: string; label: string } | null;
  /** The event's definition from the workflow (schema, legal basis, conditions). */
  spec: WorkflowEvent | undefined;
  parties: Party[];
  onClose: () => void;
  onApplied: (view: CaseView) => void;
  /** The case changed since it was loaded (412): reload it. */
  onStale: () => void;
  /** More to fill in below the event's form (a file to keep with the event). */
  extra?: ReactNode;
}

/** One workflow action: a form generated from the event's schema, sent with If-Match and an Idempotency-Key. */
export function EventModal({ caseId, caseNo, version, event, spec, parties, onClose, onApplied, onStale, extra }: Props) {
  const [form] = Form.useForm();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  /** A request that got no answer is retried under the same key, so it cannot be applied twice. */
  const unanswered = useRef<{ body: string; key: string } | null>(null);

  useEffect(() => {
    if (!event) return;
    form.resetFields();
    setError(null);
    setUnplaced([]);
    unanswered.current = null;
  }, [event, form]);

  const submit = async (values: Record<string, unknown>) => {
    if (!event) return;
    const body = { type: event.type, data: (cleanData(values) ?? {}) as Record<string, unknown> };
    const serialized = JSON.stringify(body);
    const key = unanswered.current?.body === serialized ? unanswered.current.key : newIdempotencyKey();
    setBusy(true);
    setError(null);
    setUnplaced([]);
    try {
      const view = await api<CaseView>(`/cases/${caseId}/events`, { method: 'POST', body, headers: { 'If-Match': `"${version}"`, 'Idempotency-Key': key } });
      unanswered.current = null;
      message.success(`已办理：${event.label}`);
      onApplied(view);
    } catch (e) {
      unanswered.current = e instanceof ApiError && e.status === 0 ? { body: serialized, key } : null;
      if (e instanceof ApiError && e.status === 412) {
        onClose();
        onStale();
        modal.warning({ title: '案件已被他人更新', content: `${caseNo} 在您填写期间已有新的办理记录。页面已刷新为最新情况，请核对后再决定是否办理“${event.label}”。`, okText: '知道了' });
        return;
      }
      if (e instanceof ApiError && e.status === 400 && e.fieldErrors.length) setUnplaced(showFieldErrors(form, e.fieldErrors, 'data'));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const fieldProblem = error instanceof ApiError && error.status === 400 && error.fieldErrors.length > 0;
  return (
    <Modal
      open={!!event}
      title={event ? `${event.label} · ${caseNo}` : ''}
      okText="确认办理"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
      styles={{ body: { maxHeight: '70vh', overflowY: 'auto', overflowX: 'hidden' } }}
    >
      {spec?.legalBasis || spec?.preconditionTexts.length ? (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={spec.legalBasis ? `法律依据：${spec.legalBasis}` : '办理条件'}
          description={
            spec.preconditionTexts.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {spec.preconditionTexts.map((p) => (
                  <li key={p.name}>
                    {p.message}
                    {p.legalBasis ? <Typography.Text type="secondary">（{p.legalBasis}）</Typography.Text> : null}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      {fieldProblem ? (
        <ErrorNotice error={new ApiError(400, null, '提交的内容有误，请按红色提示修改后再提交')} extraFieldErrors={unplaced} style={{ marginBottom: 16 }} />
      ) : (
        <ErrorNotice error={error} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={submit} scrollToFirstError disabled={busy} name={`event-${event?.type ?? 'none'}`}>
        {spec?.schema && Object.keys(spec.schema.properties ?? {}).length ? (
          <SchemaFields schema={spec.schema} parties={parties} />
        ) : (
          <Typography.Paragraph>此操作无需填写其他内容，确认后即办理。</Typography.Paragraph>
        )}
      </Form>
      {extra}
    </Modal>
  );
}
