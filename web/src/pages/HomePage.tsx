import { ApartmentOutlined, BankOutlined, IdcardOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { auditApi, metaApi, officerApi, unitApi, userApi } from '../api/index.js';
import { MyWork } from '../components/MyWork.js';
import { Guard, Page } from '../components/Page.js';
import { agencyKindLabels, roleColors, roleLabels } from '../labels.js';
import { useSession } from '../session.js';
import { formatDateTime } from '../util/time.js';
import { FixityAlerts } from './integrity/FixityAlerts.js';
import { useLoad } from '../util/useLoad.js';

export function HomePage() {
  const { me, agency, agencies, access } = useSession();
  const id = agency?.id ?? '';
  const units = useLoad(() => unitApi.list(id), [id], access.can.readAgency);
  const officers = useLoad(() => officerApi.list(id), [id], access.can.readAgency);
  const users = useLoad(() => userApi.list(id), [id], access.can.administerAgency);
  const actions = useLoad(() => metaApi.auditActions(), [], access.can.viewAudit || access.platform.viewAllAudit);
  const recent = useLoad(() => auditApi.list({ agencyId: id || undefined, reads: 'exclude', pageSize: 6 }), [id], (!!id && access.can.viewAudit) || (!id && access.platform.viewAllAudit));

  const delegating = agencies.find((a) => a.id === agency?.delegatingAgencyId);
  const expired = officers.data?.filter((o) => o.active && !o.certificateValid).length ?? 0;
  const activeOfficers = officers.data?.filter((o) => o.active).length ?? 0;

  const stats: { key: string; to: string; title: string; value?: number; loading?: boolean; icon: ReactNode; note?: ReactNode }[] = [
    ...(access.platform.createAgency ? [{ key: 'agencies', to: '/agencies', title: '执法机关', value: agencies.length, icon: <BankOutlined /> }] : []),
    ...(access.can.readAgency
      ? [
          { key: 'units', to: '/units', title: '科室/执法队', value: units.data?.length, loading: units.loading, icon: <ApartmentOutlined /> },
          {
            key: 'officers',
            to: '/officers',
            title: '在岗执法人员',
            value: officers.data ? activeOfficers : undefined,
            loading: officers.loading,
            icon: <IdcardOutlined />,
            note:
              expired > 0 ? (
                <Typography.Text type="danger">
                  <WarningOutlined /> {expired} 人执法证不在有效期
                </Typography.Text>
              ) : null,
          },
        ]
      : []),
    ...(access.can.administerAgency
      ? [
          {
            key: 'users',
            to: '/users',
            title: '用户',
            value: users.data?.length,
            loading: users.loading,
            icon: <TeamOutlined />,
            note: users.data ? <Typography.Text type="secondary">其中停用 {users.data.filter((u) => u.disabled).length} 人</Typography.Text> : null,
          },
        ]
      : []),
  ];

  return (
    <Page title="工作台" description={`${me?.user.displayName ?? ''}，您好。以下是您在当前机关的概况。`}>
      <FixityAlerts agencyId={id} enabled={access.can.readFindings && access.can.administerAgency} />
      {access.can.readMatters ? <MyWork /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="当前机关" className="fill-card">
            {agency ? (
              <Descriptions
                column={1}
                size="small"
                styles={{ label: { width: 110 } }}
                items={[
                  { key: 'name', label: '名称', children: <b>{agency.name}</b> },
                  { key: 'code', label: '编码', children: agency.code },
                  { key: 'kind', label: '类型', children: agencyKindLabels[agency.kind] ?? agency.kind },
                  ...(agency.kind === 'entrusted_organisation' ? [{ key: 'delegating', label: '委托机关', children: delegating?.name ?? '—' }] : []),
                  { key: 'region', label: '地区', children: agency.region || '—' },
                ]}
              />
            ) : (
              <Guard allow={() => true}>{null}</Guard>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="我的角色" className="fill-card">
            <Space wrap>
              {access.platformAdmin ? <Tag color="red">平台管理员（可管理全部机关）</Tag> : null}
              {access.roles.map((r) => (
                <Tag key={r} color={roleColors[r]}>
                  {roleLabels[r]}
                </Tag>
              ))}
              {!access.platformAdmin && access.roles.length === 0 ? <Typography.Text type="secondary">在当前机关没有角色</Typography.Text> : null}
            </Space>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              账号：{me?.user.username}；可进入的机关 {agencies.length} 个。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {stats.map((st) => (
          <Col key={st.key} xs={12} lg={24 / stats.length}>
            <Link to={st.to} className="stat-link">
              <Card hoverable className="stat-card" data-testid={`stat-${st.key}`}>
                <Statistic title={st.title} value={st.value ?? '—'} loading={st.loading} prefix={st.icon} />
                {st.note}
              </Card>
            </Link>
          </Col>
        ))}
      </Row>

      {(access.can.viewAudit || access.platform.viewAllAudit) && recent.data ? (
        <Card title="最近的审计事件" style={{ marginTop: 16 }} extra={<Link to="/audit">查看全部</Link>}>
          <List
            dataSource={recent.data.items}
            locale={{ emptyText: '暂无事件' }}
            renderItem={(e) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text type="secondary">{formatDateTime(e.occurredAt)}</Typography.Text>
                  <Tag>{actions.data?.[e.action] ?? e.action}</Tag>
                  <span>{e.actorName ?? '系统'}</span>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </Page>
  );
}
