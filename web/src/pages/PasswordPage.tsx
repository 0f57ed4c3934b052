import { App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { authApi } from '../api/index.js';
import { Page } from '../components/Page.js';
import { showError } from '../util/errors.js';

type Values = { currentPassword: string; newPassword: string; confirm: string };

export function PasswordPage() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);

  const onFinish = async (v: Values) => {
    setSaving(true);
    try {
      await authApi.changePassword(v.currentPassword, v.newPassword);
      form.resetFields();
      void message.success('密码已修改，您在其他设备上的登录已结束');
    } catch (err) {
      showError(err, message, form, { INVALID_CREDENTIALS: 'currentPassword', ACCOUNT_LOCKED: 'currentPassword', PASSWORD_TOO_WEAK: 'newPassword', PASSWORD_TOO_COMMON: 'newPassword' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page title="修改密码" description="新密码至少 10 位，须同时包含字母和数字，不能包含用户名，也不能是常见或容易猜到的密码。当前密码连续输错多次将暂时锁定账号。">
      <Card className="narrow-card">
        <Form form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" data-testid="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            rules={[
              { required: true, message: '请输入新密码' },
              { min: 10, message: '新密码至少 10 位' },
              { pattern: /^(?=.*[A-Za-z])(?=.*\d).+$/, message: '新密码须同时包含字母和数字' },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_r, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="change-password-submit">
            修改密码
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
