import { EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Agency } from '../api/index.js';
import { AgencyFormModal } from '../components/AgencyFormModal.js';
import { Guard, Page } from '../components/Page.js';
import { agencyKindLabels } from '../labels.js';
import { useSession } from '../session.js';
import { formatDateTime } from '../util/time.js';

const kindColor: Record<string, string> = { enforcement_agency: 'blue', entrusted_organisation: 'purple', supervising_body: 'orange' };

export function AgenciesPage() {
  const { agencies, agency: current, selectAgency, reloadAgencies } = useSession();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Agency | null>(null);
  const [open, setOpen] = useState(false);
  const nameOf = (id: string | null) => agencies.find((a) => a.id === id)?.name ?? '—';

  const columns: TableColumnsType<Agency> = [
    {
      title: '名称',
      dataIndex: 'name',
      width: 260,
      render: (name: string, a) => (
        <Space>
          <span>{name}</span>
          {a.id === current?.id ? <Tag color="green">当前</Tag> : null}
        </Space>
      ),
    },
    { title: '编码', dataIndex: 'code', width: 140 },
    { title: '类型', dataIndex: 'kind', width: 190, render: (k: string) => <Tag color={kindColor[k]}>{agencyKindLabels[k as Agency['kind']] ?? k}</Tag> },
    { title: '委托机关', dataIndex: 'delegatingAgencyId', width: 220, render: (id: string | null) => (id ? nameOf(id) : '—') },
    { title: '地区', dataIndex: 'region', width: 200, render: (r: string | null) => r || '—' },
    { title: '单个音像文件上限', dataIndex: 'avUploadMaxBytes', width: 150, render: (b: number | null) => (b === null ? '仅平台上限' : `${Math.floor(b / 1024 / 1024)} MB`) },
    { title: '创建时间', dataIndex: 'createdAt', width: 180, render: formatDateTime },
    {
      title: '操作',
      key: 'ops',
      fixed: 'right',
      width: 230,
      render: (_: unknown, a) => (
        <Space>
          <Button type="link" icon={<EditOutlined />} onClick={() => (setEditing(a), setOpen(true))}>
            编辑
          </Button>
          {a.id !== current?.id ? (
            <Button
              type="link"
              icon={<SwapOutlined />}
              onClick={() => {
                selectAgency(a.id);
                void message.success(`已切换到：${a.name}`);
              }}
            >
              设为当前
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Guard allow={(a) => a.platform.createAgency} needAgency={false}>
      <Page
        title="执法机关"
        description="本部署服务的执法机关、受委托组织和监督机关。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => (setEditing(null), setOpen(true))} data-testid="agency-create">
            新建执法机关
          </Button>
        }
      >
        <Card>
          <Table<Agency> rowKey="id" columns={columns} dataSource={agencies} scroll={{ x: 1350 }} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="agency-table" />
        </Card>
        <AgencyFormModal
          open={open}
          agency={editing}
          agencies={agencies}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            void reloadAgencies();
          }}
        />
      </Page>
    </Guard>
  );
}
