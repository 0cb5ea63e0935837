import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError, api, type FieldError } from '../api/client';
import { ErrorNotice } from '../components/ErrorNotice';
import { showFieldErrors } from '../lib/field-errors';

interface Props {
  open: boolean;
  onClose(): void;
}

/** 修改密码: the engine judges the new password by its policy; this session stays, the person's other sessions end. */
export function ChangePasswordModal({ open, onClose }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<FieldError[]>([]);

  const submit = async (values: { currentPassword: string; newPassword: string; repeated: string }) => {
    setBusy(true);
    setError(null);
    setUnplaced([]);
    try {
      await api('/auth/password', { method: 'POST', body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
      message.success('密码已修改；在其他设备上的登录已退出');
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setUnplaced(showFieldErrors(form, e.fieldErrors));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title="修改密码" okText="保存" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} confirmLoading={busy} destroyOnHidden afterOpenChange={(o) => !o && (setError(null), setUnplaced([]))}>
      <ErrorNotice error={error instanceof ApiError && error.status === 400 ? new ApiError(400, null, '填写的内容有误，请按红色提示修改') : error} extraFieldErrors={unplaced} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false} name="change-password" disabled={busy}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请填写当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请填写新密码' }]} extra="须符合密码规则：足够长，混合多类字符，不含用户名，不与最近用过的密码相同">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="repeated"
          dependencies={['newPassword']}
          rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
