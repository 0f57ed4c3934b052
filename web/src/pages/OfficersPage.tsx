import { EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { officerApi, unitApi, userApi, type Officer } from '../api/index.js';
import { OfficerFormModal } from '../components/OfficerFormModal.js';
import { Guard, Page } from '../components/Page.js';
import { useSession } from '../session.js';
import { dayjs, zone } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';

export function OfficersPage() {
  return (
    <Guard allow={(a) => a.can.readAgency}>
      <Officers />
    </Guard>
  );
}

/** Valid, not yet valid or expired, as the server computed it and explained by the dates. */
function CertificateTag({ o }: { o: Officer }) {
  if (o.certificateValid) return <Tag color="success">有效</Tag>;
  const today = dayjs().tz(zone).format('YYYY-MM-DD');
  return o.certificateValidFrom > today ? <Tag color="warning">未生效</Tag> : <Tag color="error">已过期</Tag>;
}

function Officers() {
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const officers = useLoad(() => officerApi.list(agencyId), [agencyId]);
  const units = useLoad(() => unitApi.list(agencyId), [agencyId]);
  const users = useLoad(() => userApi.list(agencyId), [agencyId], access.can.administerAgency);
  const [unitFilter, setUnitFilter] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Officer | null>(null);
  const [open, setOpen] = useState(false);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (officers.data ?? []).filter(
      (o) => (!unitFilter || o.unitId === unitFilter) && (!q || o.name.toLowerCase().includes(q) || o.certificateNo.toLowerCase().includes(q)),
    );
  }, [officers.data, unitFilter, search]);

  const columns: TableColumnsType<Officer> = [
    { title: '姓名', dataIndex: 'name', width: 110, fixed: 'left' },
    { title: '科室/执法队', dataIndex: 'unitName', width: 150, render: (n: string | null) => n ?? '—' },
    { title: '职务', dataIndex: 'post', width: 120 },
    { title: '执法证号', dataIndex: 'certificateNo', width: 150, render: (n: string) => <span className="mono">{n}</span> },
    {
      title: '有效期',
      key: 'validity',
      width: 210,
      render: (_: unknown, o) => `${o.certificateValidFrom} 至 ${o.certificateValidTo}`,
    },
    { title: '执法证', key: 'valid', width: 90, render: (_: unknown, o) => <CertificateTag o={o} /> },
    {
      title: '执法区域',
      dataIndex: 'area',
      width: 200,
      ellipsis: { showTitle: false },
      render: (a: string) => (
        <Tooltip title={a} placement="topLeft">
          {a}
        </Tooltip>
      ),
    },
    { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="blue">在岗</Tag> : <Tag>停用</Tag>) },
  ];
  if (access.can.administerAgency) {
    columns.push({
      title: '操作',
      key: 'ops',
      fixed: 'right',
      width: 100,
      render: (_: unknown, o) => (
        <Button type="link" icon={<EditOutlined />} onClick={() => (setEditing(o), setOpen(true))}>
          编辑
        </Button>
      ),
    });
  }

  const expired = (officers.data ?? []).filter((o) => o.active && !o.certificateValid).length;
  return (
    <Page
      title="执法人员"
      description={
        expired > 0
          ? `共 ${officers.data?.length ?? 0} 人，其中 ${expired} 名在岗人员执法证不在有效期，不能被记录为实施执法。`
          : '执法证不在有效期的人员不能被记录为实施执法。'
      }
      extra={
        access.can.administerAgency ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => (setEditing(null), setOpen(true))} data-testid="officer-create">
            登记执法人员
          </Button>
        ) : null
      }
    >
      <Card>
        <Space wrap className="table-filters">
          <Select
            allowClear
            placeholder="全部科室/执法队"
            style={{ width: 220 }}
            value={unitFilter}
            onChange={setUnitFilter}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <Input allowClear prefix={<SearchOutlined />} placeholder="按姓名或执法证号查找" style={{ width: 240 }} value={search} onChange={(e) => setSearch(e.target.value)} />
        </Space>
        <Table<Officer>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={officers.loading}
          scroll={{ x: 1210 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '尚无执法人员' }}
          data-testid="officer-table"
        />
      </Card>
      <OfficerFormModal
        open={open}
        agencyId={agencyId}
        officer={editing}
        units={units.data ?? []}
        users={users.data ?? []}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          officers.reload();
        }}
      />
    </Page>
  );
}
