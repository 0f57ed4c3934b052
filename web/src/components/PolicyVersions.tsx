import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Spin, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { policyApi, type ParameterPath, type PolicyVersion, type PolicyVersionSummary } from '../api/index.js';
import { formatDateTime } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';
import { RulesTable } from './RulesTable.js';

/** The header of a policy version: name, version, what it is based on, basis, who and when. */
export function VersionHeader({ v, testId }: { v: PolicyVersion; testId?: string }) {
  const p = v.profile;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      bordered
      styles={{ label: { whiteSpace: 'nowrap', width: 112 } }}
      data-testid={testId}
      items={[
        { key: 'name', label: '方案', children: <b>{p.name}</b> },
        { key: 'version', label: '版本', children: <Tag color="blue">第 {v.version} 版</Tag> },
        { key: 'based', label: '所据内置方案', children: `${p.seed} · ${p.issuer}`, span: 2 },
        { key: 'basis', label: '本版依据', children: v.basis, span: 2 },
        { key: 'by', label: '操作人', children: v.createdByName ?? '—' },
        { key: 'at', label: '生效时间', children: formatDateTime(v.createdAt) },
      ]}
    />
  );
}

/** 版本记录: every version of the agency's policy; an old one opens read-only. */
export function PolicyVersionsDrawer(props: { open: boolean; agencyId: string; paths: ParameterPath[]; currentVersion: number; onClose: () => void }) {
  const { open, agencyId, paths, currentVersion, onClose } = props;
  const versions = useLoad(() => policyApi.versions(agencyId), [agencyId, currentVersion], open);
  const [viewing, setViewing] = useState<number | null>(null);
  const one = useLoad(() => policyApi.version(agencyId, viewing!), [agencyId, viewing], open && viewing !== null);

  const columns: TableColumnsType<PolicyVersionSummary> = [
    { title: '版本', dataIndex: 'version', width: 84, render: (n: number) => <Tag color={n === currentVersion ? 'green' : 'default'}>第 {n} 版</Tag> },
    { title: '方案', dataIndex: 'profileName', width: 200, render: (n: string, r) => `${r.seed} · ${n}` },
    { title: '依据', dataIndex: 'basis' },
    {
      title: '操作人与时间',
      key: 'by',
      width: 170,
      render: (_: unknown, r) => (
        <div className="finding-times">
          <div>{r.createdByName ?? '—'}</div>
          <div className="muted">{formatDateTime(r.createdAt)}</div>
        </div>
      ),
    },
    {
      title: '',
      key: 'ops',
      width: 90,
      render: (_: unknown, r) => (
        <Button type="link" icon={<EyeOutlined />} onClick={() => setViewing(r.version)} data-testid={`version-view-${r.version}`}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <Drawer
      open={open}
      onClose={() => (setViewing(null), onClose())}
      size={Math.min(960, window.innerWidth - 40)}
      title={viewing === null ? '版本记录' : `第 ${viewing} 版（只读）`}
      extra={
        viewing !== null ? (
          <Button icon={<ArrowLeftOutlined />} onClick={() => setViewing(null)}>
            返回版本列表
          </Button>
        ) : null
      }
      destroyOnHidden
    >
      {viewing === null ? (
        <Table<PolicyVersionSummary>
          rowKey="version"
          size="middle"
          columns={columns}
          dataSource={versions.data ?? []}
          loading={versions.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          tableLayout="fixed"
          scroll={{ x: 720 }}
          data-testid="version-table"
        />
      ) : one.data && one.data.version === viewing ? (
        <div className="version-view">
          <VersionHeader v={one.data} />
          <RulesTable profile={one.data.profile} paths={paths} />
        </div>
      ) : (
        <Spin />
      )}
    </Drawer>
  );
}
