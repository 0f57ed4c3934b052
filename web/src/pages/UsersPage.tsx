import { EditOutlined, KeyOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { userApi, type Member } from '../api/index.js';
import { Guard, Page } from '../components/Page.js';
import { CreateUserModal, EditUserModal, ResetPasswordModal } from '../components/UserModals.js';
import { roleColors, roleLabels, roleOrder } from '../labels.js';
import { useSession } from '../session.js';
import { showError } from '../util/errors.js';
import { formatDateTime } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';

export function UsersPage() {
  return (
    <Guard allow={(a) => a.canAdmin}>
      <Users />
    </Guard>
  );
}

type Dialog = { kind: 'create' } | { kind: 'edit'; user: Member } | { kind: 'password'; user: Member } | null;

function Users() {
  const { agency, me } = useSession();
  const agencyId = agency!.id;
  const { message } = App.useApp();
  const users = useLoad(() => userApi.list(agencyId), [agencyId]);
  const [dialog, setDialog] = useState<Dialog>(null);

  const setDisabled = async (u: Member, disabled: boolean) => {
    try {
      await userApi.update(agencyId, u.id, { disabled });
      void message.success(disabled ? `已停用 ${u.displayName}，其登录会话已全部结束` : `已启用 ${u.displayName}`);
      users.reload();
    } catch (err) {
      showError(err, message);
    }
  };

  const columns: TableColumnsType<Member> = [
    { title: '姓名', dataIndex: 'displayName', width: 140, fixed: 'left' },
    { title: '用户名', dataIndex: 'username', width: 150, render: (n: string) => <span className="mono">{n}</span> },
    {
      title: '角色',
      dataIndex: 'roles',
      width: 300,
      render: (roles: Member['roles']) => (
        <Space size={[4, 4]} wrap>
          {roleOrder
            .filter((r) => roles.includes(r))
            .map((r) => (
              <Tag key={r} color={roleColors[r]}>
                {roleLabels[r]}
              </Tag>
            ))}
          {roles.length === 0 ? <Tag>无角色</Tag> : null}
        </Space>
      ),
    },
    { title: '状态', dataIndex: 'disabled', width: 90, render: (d: boolean) => (d ? <Tag color="default">已停用</Tag> : <Tag color="success">正常</Tag>) },
    { title: '创建时间', dataIndex: 'createdAt', width: 180, render: formatDateTime },
    {
      title: '操作',
      key: 'ops',
      fixed: 'right',
      width: 300,
      render: (_: unknown, u) => (
        <Space size={4} wrap>
          <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', user: u })}>
            编辑角色
          </Button>
          <Button size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'password', user: u })}>
            重置密码
          </Button>
          {u.id === me?.user.id ? null : u.disabled ? (
            <Popconfirm title={`启用 ${u.displayName}？`} okText="启用" cancelText="取消" onConfirm={() => setDisabled(u, false)}>
              <Button size="small" icon={<CheckCircleOutlined />}>
                启用
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={`停用 ${u.displayName}？`}
              description="停用后该用户的全部登录会话立即结束，且不能再登录。"
              okText="停用"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => setDisabled(u, true)}
            >
              <Button size="small" danger icon={<StopOutlined />}>
                停用
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const close = () => setDialog(null);
  const saved = () => {
    setDialog(null);
    users.reload();
  };
  return (
    <Page
      title="用户与角色"
      description={`${agency!.name} 的系统用户及其在本机关的角色；一人可有多个角色。`}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="user-create">
          新建用户
        </Button>
      }
    >
      <Card>
        <Table<Member>
          rowKey="id"
          columns={columns}
          dataSource={users.data ?? []}
          loading={users.loading}
          scroll={{ x: 1160 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '尚无用户' }}
          data-testid="user-table"
        />
      </Card>
      <CreateUserModal open={dialog?.kind === 'create'} agencyId={agencyId} onClose={close} onSaved={saved} />
      <EditUserModal open={dialog?.kind === 'edit'} user={dialog && dialog.kind !== 'create' ? dialog.user : null} agencyId={agencyId} onClose={close} onSaved={saved} />
      <ResetPasswordModal open={dialog?.kind === 'password'} user={dialog && dialog.kind !== 'create' ? dialog.user : null} agencyId={agencyId} onClose={close} onSaved={saved} />
    </Page>
  );
}
