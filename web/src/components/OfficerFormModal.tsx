import { App, DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { officerApi, type Member, type Officer, type Unit } from '../api/index.js';
import { showError } from '../util/errors.js';
import { dateToPicker, pickerToDate } from '../util/time.js';

type Values = {
  name: string;
  unitId?: string | null;
  userId?: string | null;
  post: string;
  certificateNo: string;
  validity: [Dayjs, Dayjs];
  area: string;
  active: boolean;
};

/** Registers an officer or edits one (ORG-2): name, unit, post, 执法证号 and its validity, area. */
export function OfficerFormModal(props: {
  open: boolean;
  agencyId: string;
  officer: Officer | null;
  units: Unit[];
  users: Member[];
  onClose: () => void;
  onSaved: (o: Officer) => void;
}) {
  const { open, agencyId, officer, units, users, onClose, onSaved } = props;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (officer) {
      const from = dateToPicker(officer.certificateValidFrom);
      const to = dateToPicker(officer.certificateValidTo);
      form.setFieldsValue({ ...officer, validity: from && to ? [from, to] : undefined });
    }
  }, [open, officer, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const common = {
      name: v.name.trim(),
      unitId: v.unitId ?? null,
      userId: v.userId ?? null,
      post: v.post.trim(),
      certificateValidFrom: pickerToDate(v.validity[0]),
      certificateValidTo: pickerToDate(v.validity[1]),
      area: v.area.trim(),
      active: v.active,
    };
    setSaving(true);
    try {
      const saved = officer
        ? await officerApi.update(agencyId, officer.id, common)
        : await officerApi.create(agencyId, { ...common, certificateNo: v.certificateNo.trim() });
      void message.success(officer ? '执法人员信息已保存' : `已登记执法人员：${saved.name}`);
      onSaved(saved);
    } catch (err) {
      if (err && typeof err === 'object' && 'issues' in err) {
        // Validity dates are one field on screen.
        const e = err as { issues: { field: string; message: string }[] };
        const dateIssue = e.issues.find((i) => i.field.startsWith('certificateValid'));
        if (dateIssue) form.setFields([{ name: 'validity', errors: [dateIssue.message] }]);
      }
      showError(err, message, form, { DUPLICATE: 'certificateNo' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={officer ? `编辑执法人员：${officer.name}` : '登记执法人员'}
      okText="保存"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'officer-save' }}
    >
      <Form form={form} layout="vertical" initialValues={{ active: true }} name="officer" className="form-grid">
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '姓名不能超过 50 个字符' }]}>
          <Input data-testid="officer-name" />
        </Form.Item>
        <Form.Item label="职务" name="post" rules={[{ required: true, whitespace: true, message: '请填写职务' }, { max: 50, message: '职务不能超过 50 个字符' }]}>
          <Input placeholder="如 执法队员" data-testid="officer-post" />
        </Form.Item>
        <Form.Item label="所属科室/执法队" name="unitId">
          <Select allowClear placeholder="请选择" options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid="officer-unit" />
        </Form.Item>
        <Form.Item label="关联系统用户" name="userId" extra="可选：该人员登录系统所用的账号">
          <Select
            allowClear
            placeholder="不关联"
            showSearch={{ optionFilterProp: 'label' }}
            options={users.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
            data-testid="officer-user"
          />
        </Form.Item>
        <Form.Item
          label="执法证号"
          name="certificateNo"
          extra={officer ? '执法证号登记后不可修改' : '4–32 位字母、数字或短横线'}
          rules={[
            { required: true, whitespace: true, message: '请填写执法证号' },
            { pattern: /^[A-Za-z0-9-]{4,32}$/, message: '执法证号为 4–32 位字母、数字或短横线' },
          ]}
        >
          <Input disabled={!!officer} data-testid="officer-cert-no" />
        </Form.Item>
        <Form.Item label="执法证有效期" name="validity" rules={[{ required: true, message: '请选择执法证有效期' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} placeholder={['起始日期', '截止日期']} data-testid="officer-validity" />
        </Form.Item>
        <Form.Item label="执法区域" name="area" className="span-2" rules={[{ required: true, whitespace: true, message: '请填写执法区域' }, { max: 200, message: '不能超过 200 个字符' }]}>
          <Input placeholder="如 方城县城区及各乡镇" data-testid="officer-area" />
        </Form.Item>
        <Form.Item label="在岗" name="active" valuePropName="checked">
          <Switch checkedChildren="在岗" unCheckedChildren="停用" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
