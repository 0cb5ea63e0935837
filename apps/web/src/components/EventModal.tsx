import { Alert, App, Button, Form, Modal, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, api, newIdempotencyKey, type FieldError } from '../api/client';
import type { CaseView, Party, WorkflowEvent } from '../api/types';
import { useSession } from '../auth/session';
import { clearDraft, draftKey, hasContent, loadDraft, saveDraft } from '../lib/drafts';
import { showFieldErrors } from '../lib/field-errors';
import { chinaTime } from '../lib/format';
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
  /** The engine's today, from the case view. */
  today?: string;
  onClose: () => void;
  onApplied: (view: CaseView) => void;
  /** The case changed since it was loaded (412): reload it. */
  onStale: () => void;
  /** More to fill in below the event's form (a file to keep with the event). */
  extra?: ReactNode;
}

/**
 * One workflow action: a form generated from the event's schema, sent with If-Match and an Idempotency-Key. What is
 * typed is never lost: it is kept as a draft while typing (restored when the action is opened again, removed once it
 * is done), closing with typed content asks first, and a case changed meanwhile (412) keeps the form open with its
 * values, to be sent again on the fresh version. The action is sent only by its button, never by Enter in a field.
 */
export function EventModal({ caseId, caseNo, version, event, spec, parties, today, onClose, onApplied, onStale, extra }: Props) {
  const [form] = Form.useForm();
  const { message, modal } = App.useApp();
  const { me } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);
  /** The version the engine reported in a 412: the next submission is judged against it. */
  const [freshVersion, setFreshVersion] = useState<number | null>(null);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  /** A request that got no answer is retried under the same key, so it cannot be applied twice. */
  const unanswered = useRef<{ body: string; key: string } | null>(null);
  const key = event && me ? draftKey(me.id, caseId, event.type) : null;

  useEffect(() => {
    if (!event) return;
    form.resetFields();
    setError(null);
    setUnplaced([]);
    setFreshVersion(null);
    unanswered.current = null;
    const draft = key ? loadDraft(key) : null;
    setRestoredAt(draft?.savedAt ?? null);
    if (draft) form.setFieldsValue(draft.values);
  }, [event, form, key]);

  const ifMatch = freshVersion !== null && freshVersion > version ? freshVersion : version;

  const submit = async (values: Record<string, unknown>) => {
    if (!event) return;
    const body = { type: event.type, data: (cleanData(values) ?? {}) as Record<string, unknown> };
    const serialized = JSON.stringify(body);
    const idempotencyKey = unanswered.current?.body === serialized ? unanswered.current.key : newIdempotencyKey();
    setBusy(true);
    setError(null);
    setUnplaced([]);
    try {
      const view = await api<CaseView>(`/cases/${caseId}/events`, { method: 'POST', body, headers: { 'If-Match': `"${ifMatch}"`, 'Idempotency-Key': idempotencyKey } });
      unanswered.current = null;
      if (key) clearDraft(key);
      message.success(`已办理：${event.label}`);
      onApplied(view);
    } catch (e) {
      unanswered.current = e instanceof ApiError && e.status === 0 ? { body: serialized, key: idempotencyKey } : null;
      if (e instanceof ApiError && e.status === 412) {
        setFreshVersion(typeof e.problem?.currentVersion === 'number' ? e.problem.currentVersion : null);
        onStale();
      }
      if (e instanceof ApiError && e.status === 400 && e.fieldErrors.length) setUnplaced(showFieldErrors(form, e.fieldErrors, 'data'));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    if (!hasContent(form.getFieldsValue(true)) || !form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: '关闭此表单？',
      content: '已填写的内容会保存为草稿，下次打开此操作时自动恢复。',
      okText: '关闭，保留草稿',
      cancelText: '继续填写',
      onOk: onClose,
    });
  };

  const discardDraft = () => {
    if (key) clearDraft(key);
    form.resetFields();
    setRestoredAt(null);
  };

  const stale = error instanceof ApiError && error.status === 412;
  const fieldProblem = error instanceof ApiError && error.status === 400 && error.fieldErrors.length > 0;
  return (
    <Modal
      open={!!event}
      title={event ? `${event.label} · ${caseNo}` : ''}
      okText={stale ? '按最新情况重新提交' : '确认办理'}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={busy}
      destroyOnHidden
      maskClosable={false}
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
      {restoredAt ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="draft-restored"
          title={`已恢复 ${chinaTime(new Date(restoredAt).toISOString())} 未提交的草稿`}
          action={
            <Button size="small" type="link" onClick={discardDraft}>
              清空草稿
            </Button>
          }
        />
      ) : null}
      {stale ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="stale-case"
          title="案件已被他人更新"
          description={`${caseNo} 在您填写期间已有新的办理记录，页面已刷新为最新情况。您填写的内容都已保留：请核对案件的最新情况，确认仍要办理“${event?.label ?? ''}”时再提交。`}
        />
      ) : fieldProblem ? (
        <ErrorNotice error={new ApiError(400, null, '提交的内容有误，请按红色提示修改后再提交')} extraFieldErrors={unplaced} style={{ marginBottom: 16 }} />
      ) : (
        <ErrorNotice error={error} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(_, all) => key && saveDraft(key, all)}
        // A form with one text field submits on Enter by itself (implicit submission); a legal act is sent only by its
        // button, so that submission is dropped here. The button calls form.submit() and sends no submit event.
        onSubmitCapture={(e) => {
          e.preventDefault();
          e.stopPropagation();
        }}
        scrollToFirstError
        disabled={busy}
        name={`event-${event?.type ?? 'none'}`}
      >
        {spec?.schema && Object.keys(spec.schema.properties ?? {}).length ? (
          <SchemaFields schema={spec.schema} parties={parties} today={today} />
        ) : (
          <Typography.Paragraph>此操作无需填写其他内容，确认后即办理。</Typography.Paragraph>
        )}
      </Form>
      {extra}
    </Modal>
  );
}
