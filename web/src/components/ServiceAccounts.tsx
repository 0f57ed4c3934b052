import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { serviceAccountApi, type NewApiToken, type ServiceAccount } from '../api/index.js';
import { showError } from '../util/errors.js';
import { formatDateTime } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';
import { CreateTokenModal, TokenSecretModal, tokenColumns } from './ApiTokenParts.js';

type Values = { username: string; displayName: string };

/** 采集站账号 (agency admin): create stations, their tokens; stop a station at once. */
export function ServiceAccounts({ agencyId }: { agencyId: string }) {
  const { message, modal } = App.useApp();
  const accounts = useLoad(() => serviceAccountApi.list(agencyId), [agencyId]);
  const [creating, setCreating] = useState(false);
  const [tokenFor, setTokenFor] = useState<ServiceAccount | null>(null);
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();

  const create = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await serviceAccountApi.create(agencyId, { username: v.username.trim(), displayName: v.displayName.trim() });
      setCreating(false);
      accounts.reload();
    } catch (err) {
      showError(err, message, form, { DUPLICATE: 'username' });
    } finally {
      setSaving(false);
    }
  };
  const toggle = (a: ServiceAccount) =>
    modal.confirm({
      title: a.disabled ? `启用 ${a.displayName}？` : `停用 ${a.displayName}？`,
      content: a.disabled ? '启用后其未吊销的令牌恢复可用。' : '停用后其全部令牌立即失效，采集站无法再上传。',
      okText: a.disabled ? '启用' : '停用',
      okButtonProps: { danger: !a.disabled },
      cancelText: '取消',
      onOk: async () => {
        try {
          await serviceAccountApi.setDisabled(agencyId, a.id, !a.disabled);
          accounts.reload();
        } catch (err) {
          showError(err, message);
        }
      },
    });

  const columns: TableColumnsType<ServiceAccount> = [
    { title: '名称', dataIndex: 'displayName', width: 180 },
    { title: '账号', dataIndex: 'username', width: 160, render: (n: string) => <span className="mono">{n}</span> },
    { title: '状态', dataIndex: 'disabled', width: 90, render: (d: boolean) => (d ? <Tag>已停用</Tag> : <Tag color="success">正常</Tag>) },
    { title: '令牌数', key: 'n', width: 90, render: (_: unknown, a) => a.tokens.filter((t) => !t.revokedAt).length },
    { title: '创建时间', dataIndex: 'createdAt', width: 180, render: formatDateTime },
    {
      title: '操作',
      key: 'ops',
      width: 200,
      render: (_: unknown, a) => (
        <Space size={0}>
          <Button type="link" disabled={a.disabled} onClick={() => setTokenFor(a)} data-testid={`station-token-${a.username}`}>
            创建令牌
          </Button>
          <Button type="link" danger={!a.disabled} onClick={() => toggle(a)}>
            {a.disabled ? '启用' : '停用'}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="采集站账号"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => (form.resetFields(), setCreating(true))} data-testid="station-create">
          新建采集站账号
        </Button>
      }
    >
      <Table<ServiceAccount>
        rowKey="id"
        columns={columns}
        dataSource={accounts.data ?? []}
        loading={accounts.loading}
        scroll={{ x: 900 }}
        pagination={false}
        locale={{ emptyText: '尚无采集站账号' }}
        expandable={{
          rowExpandable: (a) => a.tokens.length > 0,
          expandedRowRender: (a) => <Table rowKey="id" size="small" columns={tokenColumns(agencyId, accounts.reload, '吊销后该采集站将无法再上传。')} dataSource={a.tokens} pagination={false} scroll={{ x: 1000 }} />,
        }}
        data-testid="station-table"
      />
      <Modal open={creating} title="新建采集站账号" okText="创建" okButtonProps={{ 'data-testid': 'station-save' }} onOk={() => void create().catch(() => undefined)} confirmLoading={saving} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} layout="vertical" name="station">
          <Form.Item label="名称" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 50, message: '不能超过 50 个字符' }]}>
            <Input placeholder="如 一队采集站" data-testid="station-name" />
          </Form.Item>
          <Form.Item label="账号" name="username" extra="3–32 位小写字母、数字、点、下划线或短横线；采集站账号没有密码，不能登录" rules={[{ required: true, pattern: /^[a-z0-9_.-]{3,32}$/, message: '账号为 3–32 位小写字母、数字、点、下划线或短横线' }]}>
            <Input placeholder="如 station-01" data-testid="station-username" />
          </Form.Item>
        </Form>
      </Modal>
      <CreateTokenModal
        agencyId={agencyId}
        userId={tokenFor?.id}
        title={`为「${tokenFor?.displayName ?? ''}」创建令牌`}
        open={!!tokenFor}
        onClose={() => setTokenFor(null)}
        onCreated={(t) => {
          setTokenFor(null);
          setCreated(t);
          accounts.reload();
        }}
      />
      <TokenSecretModal created={created} onClose={() => setCreated(null)} />
    </Card>
  );
}
