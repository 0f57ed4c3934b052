import { App, Form, Input, Modal, Select, Tag, Alert } from 'antd';
import { useEffect, useState } from 'react';
import { matterApi, type EnforcementCategory, type Matter, type MatterInput, type Officer, type Party, type StartRoute, type Unit } from '../api/index.js';
import { categoryName, ENFORCEMENT_CATEGORIES, startRouteLabel, startRoutesOf } from '../matter-labels.js';
import { showError } from '../util/errors.js';
import { formatDate } from '../util/time.js';
import { PartiesEditor } from './PartiesEditor.js';

type Values = Omit<MatterInput, 'parties'> & { parties: MatterInput['parties'] };

/** 登记事项 (CASE-1, CASE-3): category, start route allowed for it, parties, officers. */
export function MatterCreateModal(props: {
  open: boolean;
  agencyId: string;
  officers: Officer[];
  units: Unit[];
  myOfficerId?: string;
  origin?: { matter: Matter; parties: Party[] };
  onClose: () => void;
  onCreated: (m: Matter) => void;
}) {
  const { open, agencyId, officers, units, myOfficerId, origin, onClose, onCreated } = props;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const category = Form.useWatch('category', form) as EnforcementCategory | undefined;
  const routes = category ? startRoutesOf(category) : [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      officerIds: myOfficerId ? [myOfficerId] : [],
      parties: origin ? origin.parties.map(({ id: _id, matterId: _m, ...p }) => p) : [],
      source: origin ? `由${categoryName(origin.matter.category)}事项 ${origin.matter.number} 发现` : undefined,
      unitId: origin?.matter.unitId ?? undefined,
    });
    // The origin is rebuilt on every render of the page; its id says whether it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, form, myOfficerId, origin?.matter.id]);

  useEffect(() => {
    const current = form.getFieldValue('startRoute') as StartRoute | undefined;
    if (category && (!current || !routes.includes(current))) form.setFieldValue('startRoute', routes[0]);
  }, [category, routes, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const input: MatterInput = {
        ...v,
        originMatterId: origin?.matter.id ?? null,
        parties: (v.parties ?? []).map((p) => ({ ...p, idNumber: p.idNumber.trim().toUpperCase() })),
      };
      const created = await matterApi.create(agencyId, input);
      void message.success(`已登记事项 ${created.number}`);
      onCreated(created);
    } catch (err) {
      showError(err, message, form);
    } finally {
      setSaving(false);
    }
  };

  const officerOptions = officers
    .filter((o) => o.active)
    .map((o) => ({
      value: o.id,
      disabled: !o.certificateValid,
      label: `${o.name}（${o.certificateNo}）`,
      render: (
        <div className="officer-option">
          <span>
            {o.name} <span className="muted">{o.unitName ?? ''}</span>
          </span>
          <span className="mono">
            {o.certificateNo} {o.certificateValid ? <Tag color="green">有效至 {formatDate(o.certificateValidTo)}</Tag> : <Tag color="red">证件失效</Tag>}
          </span>
        </div>
      ),
    }));

  return (
    <Modal
      open={open}
      title={origin ? `由事项 ${origin.matter.number} 发起新事项` : '登记执法事项'}
      okText="登记"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={760}
      okButtonProps={{ 'data-testid': 'matter-save' }}
    >
      {origin ? <Alert className="modal-alert" type="info" showIcon title={`来源事项：${origin.matter.number} ${origin.matter.title}，当事人已带入`} /> : null}
      <Form form={form} layout="vertical" name="matter" className="form-grid">
        <Form.Item label="执法类别" name="category" rules={[{ required: true, message: '请选择执法类别' }]}>
          <Select options={Object.entries(ENFORCEMENT_CATEGORIES).map(([value, label]) => ({ value, label }))} data-testid="matter-category" />
        </Form.Item>
        <Form.Item label="启动方式" name="startRoute" rules={[{ required: true, message: '请选择启动方式' }]} extra={category ? `${categoryName(category)}可选 ${routes.length} 种` : '先选择执法类别'}>
          <Select disabled={!category} options={routes.map((r) => ({ value: r, label: startRouteLabel(r) }))} data-testid="matter-start-route" />
        </Form.Item>
        <Form.Item label="案由/事项名称" name="title" className="span-2" rules={[{ required: true, whitespace: true, message: '请填写案由或事项名称' }, { max: 200, message: '不能超过 200 字' }]}>
          <Input placeholder="如 某超市涉嫌销售过期食品" data-testid="matter-title" />
        </Form.Item>
        <Form.Item label="案件来源" name="source" rules={[{ max: 200, message: '不能超过 200 字' }]}>
          <Input placeholder="如 日常检查发现、投诉举报、上级交办" data-testid="matter-source" />
        </Form.Item>
        <Form.Item label="承办科室/执法队" name="unitId" extra="不选则为第一承办人所在科室/执法队">
          <Select allowClear options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid="matter-unit" />
        </Form.Item>
        <Form.Item label="基本情况" name="summary" className="span-2" rules={[{ max: 5000, message: '不能超过 5000 字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="matter-summary" />
        </Form.Item>
        <Form.Item
          label="承办执法人员（第一位为主办人）"
          name="officerIds"
          className="span-2"
          extra="只能选择执法证在有效期内的人员；调查、检查须两名以上执法人员"
          rules={[{ required: true, type: 'array', min: 1, message: '至少选择一名承办人员' }]}
        >
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={officerOptions} optionRender={(o) => o.data.render} data-testid="matter-officers" />
        </Form.Item>
        <div className="span-2">
          <div className="form-section-label">当事人</div>
          <PartiesEditor />
        </div>
      </Form>
    </Modal>
  );
}
