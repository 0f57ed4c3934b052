import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  SafetyOutlined,
  SecurityScanOutlined,
  DashboardOutlined,
  DownOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  CheckSquareOutlined,
  IdcardOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  OrderedListOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Grid, Layout, Menu, Select, Space, Tag, type MenuProps } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { roleLabels } from '../labels.js';
import { useSession, type Access } from '../session.js';

type Item = { key: string; label: string; icon: React.ReactNode; show: (a: Access) => boolean };

// The menu follows what the user may do in the selected agency (ORG-3: /api/auth/me abilities).
const items: Item[] = [
  { key: '/', label: '工作台', icon: <DashboardOutlined />, show: () => true },
  { key: '/matters', label: '执法事项', icon: <FolderOpenOutlined />, show: (a) => a.can.readMatters },
  { key: '/av/unassigned', label: '未关联音像', icon: <VideoCameraOutlined />, show: (a) => a.can.readAv },
  { key: '/approvals', label: '待审批', icon: <CheckSquareOutlined />, show: (a) => a.can.decideReviewStage || a.can.decideApprovalStage },
  { key: '/legal-reviews', label: '法制审核', icon: <FileProtectOutlined />, show: (a) => a.can.decideLegalReview || a.can.approveLegalReviewExtension },
  { key: '/agencies', label: '执法机关', icon: <BankOutlined />, show: (a) => a.platform.createAgency },
  { key: '/units', label: '科室/执法队', icon: <ApartmentOutlined />, show: (a) => a.can.readAgency },
  { key: '/officers', label: '执法人员', icon: <IdcardOutlined />, show: (a) => a.can.readAgency },
  { key: '/findings', label: '问题发现', icon: <FileSearchOutlined />, show: (a) => a.can.readFindings },
  { key: '/policy', label: '执法规范方案', icon: <SafetyCertificateOutlined />, show: (a) => a.can.readPolicy },
  { key: '/checklist', label: '音像记录事项清单', icon: <SolutionOutlined />, show: (a) => a.can.readPolicy },
  { key: '/legal-review/list', label: '重大执法决定目录', icon: <OrderedListOutlined />, show: (a) => a.can.readMatters },
  { key: '/calendar', label: '工作日历', icon: <CalendarOutlined />, show: () => true },
  { key: '/agency', label: '本机关设置', icon: <SettingOutlined />, show: (a) => a.can.administerAgency },
  { key: '/users', label: '用户与角色', icon: <TeamOutlined />, show: (a) => a.can.administerAgency },
  { key: '/api-tokens', label: 'API 令牌', icon: <ApiOutlined />, show: (a) => a.can.listOwnApiTokens || a.can.manageServiceAccounts },
  { key: '/log-witnesses', label: '日志见证', icon: <SafetyOutlined />, show: (a) => a.platform.manageWitnesses },
  { key: '/audit', label: '审计日志', icon: <AuditOutlined />, show: (a) => a.can.viewAudit || a.platform.viewAllAudit },
  { key: '/integrity', label: '完整性校验', icon: <SecurityScanOutlined />, show: (a) => a.platform.verifyIntegrity },
  { key: '/password', label: '修改密码', icon: <LockOutlined />, show: () => true },
];

export function AppLayout() {
  const { me, agencies, agency, access, selectAgency, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  // Expanded on a 1024-px tablet in landscape, collapsed to icons on narrower screens.
  const wide = screens.lg ?? window.innerWidth >= 992;
  const isCollapsed = collapsed ?? !wide;

  const menuItems: MenuProps['items'] = [
    ...items.filter((i) => i.show(access)).map((i) => ({ key: i.key, icon: i.icon, label: i.label })),
    { type: 'divider' as const },
    { key: 'docs', icon: <ReadOutlined />, label: '接口文档（API）' },
  ];
  // A document (or an AV record) belongs to its matter: keep 执法事项 highlighted there.
  const path = location.pathname.startsWith('/documents/') || /^\/av\/(?!unassigned)/.test(location.pathname) ? '/matters' : location.pathname;
  const selected = items.filter((i) => i.key !== '/' && path.startsWith(i.key)).map((i) => i.key);

  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'docs') window.open('/api/docs', '_blank', 'noopener');
    else navigate(key);
  };

  const doSignOut = async () => {
    try {
      await signOut();
    } catch {
      // The session is cleared locally either way.
    }
    void message.success('已退出登录');
    navigate('/login', { replace: true });
  };

  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
      { type: 'divider' },
      { key: 'signout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
    ],
    onClick: ({ key }) => (key === 'password' ? navigate('/password') : void doSignOut()),
  };

  return (
    <Layout className="app-layout">
      <Layout.Sider
        width={216}
        collapsedWidth={64}
        collapsible
        collapsed={isCollapsed}
        trigger={null}
        breakpoint="lg"
        className="app-sider"
      >
        <div className="sider-inner">
          <div className="brand" onClick={() => navigate('/')}>
            <span className="brand-mark">痕</span>
            {isCollapsed ? null : (
              <span className="brand-text">
                <b>留痕</b>
                <small>行政执法全过程记录</small>
              </span>
            )}
          </div>
          <Menu theme="dark" mode="inline" selectedKeys={selected.length ? selected : ['/']} items={menuItems} onClick={onMenu} data-testid="side-menu" />
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Space size={12} className="header-left">
            <Button
              type="text"
              aria-label={isCollapsed ? '展开菜单' : '收起菜单'}
              icon={isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed(!isCollapsed)}
              className="header-icon-btn"
            />
            {agencies.length > 1 ? (
              <Select
                data-testid="agency-switcher"
                aria-label="切换机关"
                value={agency?.id}
                onChange={(id: string) => selectAgency(id)}
                options={agencies.map((a) => ({ value: a.id, label: a.name }))}
                className="agency-switcher"
                showSearch={{ optionFilterProp: 'label' }}
                popupMatchSelectWidth={false}
              />
            ) : (
              <span className="agency-name" data-testid="agency-name">
                {agency?.name ?? '未选择机关'}
              </span>
            )}
          </Space>
          <Space size={8} className="header-right">
            {access.platformAdmin ? <Tag color="red">平台管理员</Tag> : null}
            {screens.xl
              ? access.roles.map((r) => (
                  <Tag key={r} color="blue" variant="filled">
                    {roleLabels[r]}
                  </Tag>
                ))
              : null}
            <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
              <Button type="text" className="user-btn" data-testid="user-menu">
                <UserOutlined />
                <span>{me?.user.displayName}</span>
                <DownOutlined style={{ fontSize: 11 }} />
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
