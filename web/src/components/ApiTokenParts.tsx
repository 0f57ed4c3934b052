import { StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Popconfirm, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { tokenApi, type ApiToken, type NewApiToken } from '../api/index.js';
import { showError } from '../util/errors.js';
import { formatDateTime } from '../util/time.js';

// Pieces shared by 我的令牌 and 采集站账号 on the API token page.

function status(t: ApiToken) {
  if (t.revokedAt) return <Tag>已吊销</Tag>;
  if (t.expiresAt && Date.parse(t.expiresAt) <= Date.now()) return <Tag color="warning">已过期</Tag>;
  return <Tag color="success">有效</Tag>;
}

export function tokenColumns(agencyId: string, onRevoked: () => void, revokeHint: string): TableColumnsType<ApiToken> {
  return [
    { title: '名称', dataIndex: 'name', width: 200, fixed: 'left' },
    { title: '前缀', dataIndex: 'prefix', width: 130, render: (p: string) => <span className="mono">{p}…</span> },
    { title: '状态', key: 'status', width: 90, render: (_: unknown, t) => status(t) },
    { title: '创建时间', dataIndex: 'createdAt', width: 180, render: formatDateTime },
    { title: '到期时间', dataIndex: 'expiresAt', width: 180, render: (d: string | null) => (d ? formatDateTime(d) : '长期') },
    { title: '最近使用', dataIndex: 'lastUsedAt', width: 180, render: (d: string | null) => (d ? formatDateTime(d) : '从未使用') },
    { title: '操作', key: 'ops', fixed: 'right', width: 100, render: (_: unknown, t) => (t.revokedAt ? null : <RevokeButton agencyId={agencyId} token={t} hint={revokeHint} onDone={onRevoked} />) },
  ];
}

function RevokeButton({ agencyId, token, hint, onDone }: { agencyId: string; token: ApiToken; hint: string; onDone: () => void }) {
  const { message } = App.useApp();
  const revoke = async () => {
    try {
      await tokenApi.revoke(agencyId, token.id);
      void message.success(`已吊销令牌：${token.name}`);
      onDone();
    } catch (err) {
      showError(err, message);
    }
  };
  return (
    <Popconfirm title={`吊销令牌「${token.name}」？`} description={hint} okText="吊销" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={revoke}>
      <Button type="link" danger icon={<StopOutlined />}>
        吊销
      </Button>
    </Popconfirm>
  );
}

type Values = { name: string; expiresInDays?: number | null };

/** Creates a token for `userId` (a station) or, without it, for the signed-in person. */
export function CreateTokenModal(props: { agencyId: string; userId?: string; title: string; open: boolean; onClose: () => void; onCreated: (t: NewApiToken) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      props.onCreated(await tokenApi.create(props.agencyId, { name: v.name.trim(), userId: props.userId, expiresInDays: v.expiresInDays ?? null }));
    } catch (err) {
      showError(err, message, form);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={props.open} title={props.title} okText="创建" okButtonProps={{ 'data-testid': 'token-save' }} onOk={() => void submit().catch(() => undefined)} confirmLoading={saving} onCancel={props.onClose} destroyOnHidden>
      <Form form={form} layout="vertical" name="token" initialValues={{ expiresInDays: 365 }}>
        <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写令牌名称' }, { max: 100, message: '不能超过 100 个字符' }]}>
          <Input placeholder="如 一队采集站、我的命令行" data-testid="token-name" />
        </Form.Item>
        <Form.Item label="有效天数" name="expiresInDays" extra="留空表示长期有效（不建议）">
          <InputNumber min={1} max={3650} precision={0} style={{ width: 200 }} suffix="天" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TokenSecretModal({ created, onClose }: { created: NewApiToken | null; onClose: () => void }) {
  return (
    <Modal open={!!created} title="令牌已创建" okText="我已保存" onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} mask={{ closable: false }}>
      <Alert type="warning" showIcon title="请立即复制并妥善保存此令牌，关闭后将无法再次查看。" style={{ marginBottom: 16 }} />
      <Typography.Paragraph copyable={{ text: created?.token, tooltips: ['复制', '已复制'] }} className="token-box" data-testid="token-value">
        {created?.token}
      </Typography.Paragraph>
    </Modal>
  );
}
