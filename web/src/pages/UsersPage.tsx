import { CheckCircleOutlined, DownOutlined, KeyOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Space, Table, Tag, type TableColumnsType } from 'antd';
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
    <Guard allow={(a) => a.can.administerAgency}>
      <Users />
    </Guard>
  );
}

type Dialog = { kind: 'create' } | { kind: 'edit'; user: Member } | { kind: 'password'; user: Member } | null;

function Users() {
  const { agency, me } = useSession();
  const agencyId = agency!.id;
  const { message, modal } = App.useApp();
  const users = useLoad(() => userApi.list(agencyId), [agencyId]);
  const [dialog, setDialog] = useState<Dialog>(null);

  const confirmDisabled = (u: Member, disabled: boolean) =>
    modal.confirm({
      title: disabled ? `停用 ${u.displayName}？` : `启用 ${u.displayName}？`,
      content: disabled ? '停用后该用户的全部登录会话立即结束，且不能再登录。' : '启用后该用户可以再次登录。',
      okText: disabled ? '停用' : '启用',
      okButtonProps: { danger: disabled },
      cancelText: '取消',
      onOk: () => setDisabled(u, disabled),
    });

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
    { title: '姓名', dataIndex: 'displayName', width: 130, fixed: 'left' },
    { title: '用户名', dataIndex: 'username', width: 150, render: (n: string) => <span className="mono">{n}</span> },
    {
      title: '角色',
      dataIndex: 'roles',
      width: 260,
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
    { title: '创建时间', dataIndex: 'createdAt', width: 170, render: formatDateTime },
    {
      title: '操作',
      key: 'ops',
      fixed: 'right',
      width: 170,
      render: (_: unknown, u) => (
        <Space size={0}>
          <Button type="link" onClick={() => setDialog({ kind: 'edit', user: u })} data-testid={`user-edit-${u.username}`}>
            编辑
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'password', icon: <KeyOutlined />, label: '重置密码' },
                ...(u.id === me?.user.id
                  ? []
                  : [u.disabled ? { key: 'enable', icon: <CheckCircleOutlined />, label: '启用' } : { key: 'disable', icon: <StopOutlined />, label: '停用', danger: true }]),
              ],
              onClick: ({ key }) => (key === 'password' ? setDialog({ kind: 'password', user: u }) : confirmDisabled(u, key === 'disable')),
            }}
          >
            <Button type="link" data-testid={`user-more-${u.username}`}>
              更多 <DownOutlined />
            </Button>
          </Dropdown>
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
          scroll={{ x: 1000 }}
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
