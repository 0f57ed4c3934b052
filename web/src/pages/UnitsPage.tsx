import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { officerApi, unitApi, type Unit, type UnitKind } from '../api/index.js';
import { Guard, Page } from '../components/Page.js';
import { options, unitKindLabels } from '../labels.js';
import { useSession } from '../session.js';
import { showError } from '../util/errors.js';
import { formatDateTime } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';

type Values = { name: string; kind: UnitKind };
const kindColor: Record<UnitKind, string> = { section: 'blue', enforcement_team: 'green', legal_affairs: 'purple', other: 'default' };

export function UnitsPage() {
  return (
    <Guard allow={(a) => a.can.readAgency}>
      <Units />
    </Guard>
  );
}

function Units() {
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const { message } = App.useApp();
  const units = useLoad(() => unitApi.list(agencyId), [agencyId]);
  const officers = useLoad(() => officerApi.list(agencyId), [agencyId]);
  const [editing, setEditing] = useState<Unit | null>(null);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ name: editing.name, kind: editing.kind });
  }, [open, editing, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const body = { name: v.name.trim(), kind: v.kind };
      if (editing) await unitApi.update(agencyId, editing.id, body);
      else await unitApi.create(agencyId, body);
      void message.success(editing ? '已保存' : `已新建：${body.name}`);
      setOpen(false);
      units.reload();
    } catch (err) {
      showError(err, message, form, { DUPLICATE: 'name' });
    } finally {
      setSaving(false);
    }
  };

  const count = (unitId: string) => officers.data?.filter((o) => o.unitId === unitId && o.active).length ?? 0;
  const columns: TableColumnsType<Unit> = [
    { title: '名称', dataIndex: 'name', width: 260 },
    { title: '类型', dataIndex: 'kind', width: 140, render: (k: UnitKind) => <Tag color={kindColor[k]}>{unitKindLabels[k] ?? k}</Tag> },
    { title: '在岗执法人员', key: 'officers', width: 140, render: (_: unknown, u) => `${count(u.id)} 人` },
    { title: '创建时间', dataIndex: 'createdAt', width: 190, render: formatDateTime },
    { title: '更新时间', dataIndex: 'updatedAt', width: 190, render: formatDateTime },
  ];
  if (access.can.administerAgency) {
    columns.push({
      title: '操作',
      key: 'ops',
      fixed: 'right',
      width: 110,
      render: (_: unknown, u) => (
        <Button type="link" icon={<EditOutlined />} onClick={() => (setEditing(u), setOpen(true))}>
          编辑
        </Button>
      ),
    });
  }

  return (
    <Page
      title="科室/执法队"
      description={`${agency!.name} 的内设科室、执法队和法制机构。`}
      extra={
        access.can.administerAgency ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => (setEditing(null), setOpen(true))} data-testid="unit-create">
            新建科室/执法队
          </Button>
        ) : null
      }
    >
      <Card>
        <Table<Unit>
          rowKey="id"
          columns={columns}
          dataSource={units.data ?? []}
          loading={units.loading}
          scroll={{ x: 940 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '尚无科室/执法队' }}
          data-testid="unit-table"
        />
      </Card>
      <Modal
        open={open}
        title={editing ? `编辑：${editing.name}` : '新建科室/执法队'}
        okText="保存"
        onOk={() => void submit().catch(() => undefined)}
        confirmLoading={saving}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'unit-save' }}
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'section' }} name="unit">
          <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 100, message: '名称不能超过 100 个字符' }]}>
            <Input placeholder="如 执法一队" data-testid="unit-name" />
          </Form.Item>
          <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={options(unitKindLabels)} data-testid="unit-kind" />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
