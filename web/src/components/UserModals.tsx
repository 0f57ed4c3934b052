import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { userApi, type Member, type Role } from '../api/index.js';
import { options, roleLabels, roleOrder } from '../labels.js';
import { showError } from '../util/errors.js';

const roleOptions = options(roleLabels, roleOrder);
const passwordRules = [
  { required: true, message: '请输入密码' },
  { min: 10, message: '密码至少 10 位' },
  { pattern: /^(?=.*[A-Za-z])(?=.*\d).+$/, message: '密码须同时包含字母和数字' },
];

type Props = { open: boolean; agencyId: string; onClose: () => void; onSaved: () => void };

/** New user with their roles in this agency (ORG-3). */
export function CreateUserModal({ open, agencyId, onClose, onSaved }: Props) {
  const [form] = Form.useForm<{ username: string; displayName: string; password: string; roles: Role[] }>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  useEffect(() => void (open && form.resetFields()), [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const u = await userApi.create(agencyId, { username: v.username.trim(), displayName: v.displayName.trim(), password: v.password, roles: v.roles });
      void message.success(`已新建用户：${u.displayName}`);
      onSaved();
    } catch (err) {
      showError(err, message, form, { DUPLICATE: 'username', CONFLICT: 'username', PASSWORD_TOO_WEAK: 'password', PASSWORD_TOO_COMMON: 'password' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="新建用户" okText="保存" onOk={() => void submit().catch(() => undefined)} confirmLoading={saving} onCancel={onClose} destroyOnHidden width={600}>
      <Form form={form} layout="vertical" name="user-create" initialValues={{ roles: ['handler'] }}>
        <Form.Item
          label="用户名"
          name="username"
          extra="登录用，3–32 位小写字母、数字、点、下划线或短横线"
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: /^[a-z0-9_.-]{3,32}$/, message: '用户名为 3–32 位小写字母、数字、点、下划线或短横线' },
          ]}
        >
          <Input autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '不能超过 50 个字符' }]}>
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item label="初始密码" name="password" extra="至少 10 位，须同时包含字母和数字，且不能包含用户名" rules={passwordRules}>
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个角色' }]}>
          <Checkbox.Group options={roleOptions} className="role-checks" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Name and roles of an existing user. Only what changed is sent, so each change is one audit event. */
export function EditUserModal({ user, ...p }: Props & { user: Member | null }) {
  const [form] = Form.useForm<{ displayName: string; roles: Role[] }>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (p.open && user) form.setFieldsValue({ displayName: user.displayName, roles: user.roles });
  }, [p.open, user, form]);

  const submit = async () => {
    if (!user) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      if (v.displayName.trim() !== user.displayName) await userApi.update(p.agencyId, user.id, { displayName: v.displayName.trim() });
      const same = v.roles.length === user.roles.length && v.roles.every((r) => user.roles.includes(r));
      if (!same) await userApi.setRoles(p.agencyId, user.id, v.roles);
      void message.success('已保存');
      p.onSaved();
    } catch (err) {
      showError(err, message, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={p.open} title={`编辑用户：${user?.username ?? ''}`} okText="保存" onOk={() => void submit().catch(() => undefined)} confirmLoading={saving} onCancel={p.onClose} destroyOnHidden width={600}>
      <Form form={form} layout="vertical" name="user-edit">
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '不能超过 50 个字符' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="在本机关的角色" name="roles" extra="不选任何角色即取消该用户在本机关的全部权限">
          <Checkbox.Group options={roleOptions} className="role-checks" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** An administrator sets a new password; the user's sessions end. */
export function ResetPasswordModal({ user, ...p }: Props & { user: Member | null }) {
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  useEffect(() => void (p.open && form.resetFields()), [p.open, form]);

  const submit = async () => {
    if (!user) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      await userApi.resetPassword(p.agencyId, user.id, v.newPassword);
      void message.success(`已重置 ${user.displayName} 的密码，其登录会话已全部结束`);
      p.onSaved();
    } catch (err) {
      showError(err, message, form, { PASSWORD_TOO_WEAK: 'newPassword', PASSWORD_TOO_COMMON: 'newPassword' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={p.open} title={`重置密码：${user?.displayName ?? ''}`} okText="重置" onOk={() => void submit().catch(() => undefined)} confirmLoading={saving} onCancel={p.onClose} destroyOnHidden>
      <Form form={form} layout="vertical" name="user-reset-password">
        <Form.Item label="新密码" name="newPassword" rules={passwordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_r, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
