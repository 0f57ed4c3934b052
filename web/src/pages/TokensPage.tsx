import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { tokenApi, userApi, type ApiToken, type NewApiToken } from '../api/index.js';
import { Guard, Page } from '../components/Page.js';
import { useSession } from '../session.js';
import { showError } from '../util/errors.js';
import { formatDateTime } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';

export function TokensPage() {
  return (
    <Guard allow={(a) => a.can.manageApiTokens}>
      <Tokens />
    </Guard>
  );
}

type Values = { name: string; userId?: string; expiresInDays?: number | null };

function status(t: ApiToken) {
  if (t.revokedAt) return <Tag>已吊销</Tag>;
  if (t.expiresAt && Date.parse(t.expiresAt) <= Date.now()) return <Tag color="warning">已过期</Tag>;
  return <Tag color="success">有效</Tag>;
}

function Tokens() {
  const { agency, me, access } = useSession();
  const agencyId = agency!.id;
  const { message } = App.useApp();
  const tokens = useLoad(() => tokenApi.list(agencyId), [agencyId]);
  const users = useLoad(() => userApi.list(agencyId), [agencyId]);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [form] = Form.useForm<Values>();
  const isMember = Boolean(me?.memberships.some((m) => m.agencyId === agencyId));

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const t = await tokenApi.create(agencyId, { name: v.name.trim(), userId: v.userId || undefined, expiresInDays: v.expiresInDays ?? null });
      setOpen(false);
      setCreated(t);
      tokens.reload();
    } catch (err) {
      showError(err, message, form);
    } finally {
      setSaving(false);
    }
  };

  const revoke = async (t: ApiToken) => {
    try {
      await tokenApi.revoke(agencyId, t.id);
      void message.success(`已吊销令牌：${t.name}`);
      tokens.reload();
    } catch (err) {
      showError(err, message);
    }
  };

  const columns: TableColumnsType<ApiToken> = [
    { title: '名称', dataIndex: 'name', width: 200, fixed: 'left' },
    { title: '前缀', dataIndex: 'prefix', width: 130, render: (p: string) => <span className="mono">{p}…</span> },
    { title: '代表用户', dataIndex: 'username', width: 140 },
    { title: '状态', key: 'status', width: 90, render: (_: unknown, t) => status(t) },
    { title: '创建时间', dataIndex: 'createdAt', width: 180, render: formatDateTime },
    { title: '到期时间', dataIndex: 'expiresAt', width: 180, render: (d: string | null) => (d ? formatDateTime(d) : '长期') },
    { title: '最近使用', dataIndex: 'lastUsedAt', width: 180, render: (d: string | null) => (d ? formatDateTime(d) : '从未使用') },
    {
      title: '操作',
      key: 'ops',
      fixed: 'right',
      width: 100,
      render: (_: unknown, t) =>
        t.revokedAt ? null : (
          <Popconfirm title={`吊销令牌「${t.name}」？`} description="吊销后使用该令牌的采集站将无法再上传。" okText="吊销" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => revoke(t)}>
            <Button type="link" danger icon={<StopOutlined />}>
              吊销
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Page
      title="API 令牌"
      description="供采集站命令行工具等程序访问本机关数据；令牌只在创建时显示一次。"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => (form.resetFields(), setOpen(true))} data-testid="token-create">
          创建令牌
        </Button>
      }
    >
      <Card>
        <Table<ApiToken>
          rowKey="id"
          columns={columns}
          dataSource={tokens.data ?? []}
          loading={tokens.loading}
          scroll={{ x: 1200 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '尚无 API 令牌' }}
          data-testid="token-table"
        />
      </Card>
      <Modal open={open} title="创建 API 令牌" okText="创建" onOk={() => void submit().catch(() => undefined)} confirmLoading={saving} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" name="token" initialValues={{ userId: isMember ? me?.user.id : undefined, expiresInDays: 365 }}>
          <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写令牌名称' }, { max: 100, message: '不能超过 100 个字符' }]}>
            <Input placeholder="如 一队采集站" data-testid="token-name" />
          </Form.Item>
          <Form.Item label="代表用户" name="userId" extra="令牌以该用户的身份和角色在本机关内操作" rules={[{ required: !isMember, message: '请选择令牌代表的用户' }]}>
            <Select
              allowClear={isMember}
              placeholder={isMember ? '本人' : '请选择用户'}
              showSearch={{ optionFilterProp: 'label' }}
              options={(users.data ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
            />
          </Form.Item>
          <Form.Item label="有效天数" name="expiresInDays" extra="留空表示长期有效（不建议）">
            <InputNumber min={1} max={3650} precision={0} style={{ width: 200 }} suffix="天" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!created} title="令牌已创建" okText="我已保存" onOk={() => setCreated(null)} onCancel={() => setCreated(null)} cancelButtonProps={{ style: { display: 'none' } }} mask={{ closable: false }}>
        <Alert type="warning" showIcon title="请立即复制并妥善保存此令牌，关闭后将无法再次查看。" style={{ marginBottom: 16 }} />
        <Typography.Paragraph copyable={{ text: created?.token, tooltips: ['复制', '已复制'] }} className="token-box" data-testid="token-value">
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </Page>
  );
}
