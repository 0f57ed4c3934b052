import { HistoryOutlined, ProfileOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Spin } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { policyApi, type ParameterPath } from '../api/index.js';
import { ChooseProfileModal, ProfileCards } from '../components/ChooseProfileModal.js';
import { Guard, Page } from '../components/Page.js';
import { ParameterEditModal } from '../components/ParameterEditModal.js';
import { PolicyVersionsDrawer, VersionHeader } from '../components/PolicyVersions.js';
import { RulesTable } from '../components/RulesTable.js';
import { useSession } from '../session.js';
import { useLoad } from '../util/useLoad.js';

export function PolicyPage() {
  return (
    <Guard allow={(a) => a.can.readPolicy}>
      <Policy />
    </Guard>
  );
}

function Policy() {
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const policy = useLoad(() => policyApi.current(agencyId), [agencyId]);
  const profiles = useLoad(() => policyApi.profiles(), []);
  const [choosing, setChoosing] = useState<{ initial: string | null } | null>(null);
  const [editing, setEditing] = useState<ParameterPath | null>(null);
  const [history, setHistory] = useState(false);

  const current = policy.data?.current ?? null;
  const paths = policy.data?.parameterPaths ?? [];
  const admin = access.can.changePolicy;

  if (!policy.data) {
    return (
      <Page title="执法规范方案">
        <Card>{policy.loading ? <Spin /> : <Empty description="未能读取本机关的方案" />}</Card>
      </Page>
    );
  }

  const chooser = (
    <ChooseProfileModal
      open={choosing !== null}
      agencyId={agencyId}
      profiles={profiles.data ?? []}
      initial={choosing?.initial}
      currentId={current?.builtInProfileId}
      onClose={() => setChoosing(null)}
      onSaved={() => (setChoosing(null), policy.reload())}
    />
  );

  if (!current) {
    return (
      <Page title="执法规范方案" description={`${agency!.name} 尚未选择执法规范方案。`}>
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          title="请先选择一套执法规范方案"
          description={
            admin
              ? '系统据方案中的时限和音像记录事项清单判断储存、归档、公开等是否超期，未选择方案时不会发现任何问题。以下五套方案分别依据五份规范性文件，请选择与本机关制度最接近的一套，选用后可逐项调整。'
              : '系统据方案判断储存、归档、公开等是否超期。请联系本机关系统管理员选择方案。'
          }
        />
        <ProfileCards profiles={profiles.data ?? []} onSelect={admin ? (id) => setChoosing({ initial: id }) : undefined} />
        {chooser}
      </Page>
    );
  }

  return (
    <Page
      title="执法规范方案"
      description="本机关适用的时限、规范用语和配备标准，每项注明所据条款；每次调整形成新版本。"
      extra={
        <Space wrap>
          <Link to="/checklist">
            <Button icon={<ProfileOutlined />}>音像记录事项清单</Button>
          </Link>
          <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)} data-testid="policy-history">
            版本记录
          </Button>
          {admin ? (
            <Button type="primary" icon={<SwapOutlined />} onClick={() => setChoosing({ initial: current.builtInProfileId })} data-testid="policy-switch">
              切换方案
            </Button>
          ) : null}
        </Space>
      }
    >
      <Card className="section-card">
        <VersionHeader v={current} testId="policy-header" />
      </Card>
      <Card title="规则一览" className="section-card" extra={admin ? <span className="card-hint">点“调整”逐项修改，须写明依据</span> : null}>
        <RulesTable profile={current.profile} paths={paths} onEdit={admin ? setEditing : undefined} />
      </Card>
      {chooser}
      <ParameterEditModal
        agencyId={agencyId}
        profile={current.profile}
        path={editing}
        onClose={() => setEditing(null)}
        onSaved={() => (setEditing(null), policy.reload())}
      />
      <PolicyVersionsDrawer open={history} agencyId={agencyId} paths={paths} currentVersion={current.version} onClose={() => setHistory(false)} />
    </Page>
  );
}
