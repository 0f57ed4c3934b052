import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { agencyApi, type Agency, type AgencyInput, type AgencyKind } from '../api/index.js';
import { agencyKindLabels, options } from '../labels.js';
import { showError } from '../util/errors.js';

type Values = { code: string; name: string; kind: AgencyKind; delegatingAgencyId?: string | null; region?: string; avUploadMaxMb?: number | null };

const MB = 1024 * 1024;
const toMb = (bytes: number | null) => (bytes === null ? null : Math.floor(bytes / MB));

/** Create an agency, or edit one (`agency` given). A 受委托组织 names its delegating agency (ORG-1). */
export function AgencyFormModal(props: { open: boolean; agency: Agency | null; agencies: Agency[]; onClose: () => void; onSaved: (a: Agency) => void }) {
  const { open, agency, agencies, onClose, onSaved } = props;
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (agency) form.setFieldsValue({ ...agency, region: agency.region ?? '', avUploadMaxMb: toMb(agency.avUploadMaxBytes) });
  }, [open, agency, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body: AgencyInput = {
      code: v.code,
      name: v.name.trim(),
      kind: v.kind,
      delegatingAgencyId: v.kind === 'entrusted_organisation' ? (v.delegatingAgencyId ?? null) : null,
      region: v.region?.trim() || null,
      // Unchanged in the form → the stored bytes as they are (a limit set by the API may not be whole MB).
      avUploadMaxBytes: agency && (v.avUploadMaxMb ?? null) === toMb(agency.avUploadMaxBytes) ? agency.avUploadMaxBytes : v.avUploadMaxMb ? v.avUploadMaxMb * MB : null,
    };
    setSaving(true);
    try {
      const { code: _code, ...patch } = body;
      const saved = agency ? await agencyApi.update(agency.id, patch) : await agencyApi.create(body);
      void message.success(agency ? '执法机关已保存' : `已新建执法机关：${saved.name}`);
      onSaved(saved);
    } catch (err) {
      showError(err, message, form, { DUPLICATE: 'code' });
    } finally {
      setSaving(false);
    }
  };

  const delegatingOptions = agencies
    .filter((a) => a.id !== agency?.id && a.kind !== 'entrusted_organisation')
    .map((a) => ({ value: a.id, label: a.name }));

  return (
    <Modal
      open={open}
      title={agency ? `编辑执法机关：${agency.name}` : '新建执法机关'}
      okText="保存"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': 'agency-save' }}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'enforcement_agency' }} name="agency">
        <Form.Item
          label="机关编码"
          name="code"
          extra="2–32 位字母、数字、下划线或短横线，创建后不可修改"
          rules={[
            { required: true, message: '请填写机关编码' },
            { pattern: /^[A-Za-z0-9_-]{2,32}$/, message: '机关编码为 2–32 位字母、数字、下划线或短横线' },
          ]}
        >
          <Input disabled={!!agency} data-testid="agency-code" placeholder="如 fcx-scjg" />
        </Form.Item>
        <Form.Item label="机关名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写机关名称' }, { max: 100, message: '不能超过 100 个字符' }]}>
          <Input data-testid="agency-name-input" placeholder="如 方城县市场监督管理局" />
        </Form.Item>
        <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={options(agencyKindLabels)} data-testid="agency-kind" />
        </Form.Item>
        {kind === 'entrusted_organisation' ? (
          <Form.Item
            label="委托机关"
            name="delegatingAgencyId"
            extra="受委托组织以委托机关的名义实施行政执法"
            rules={[{ required: true, message: '受委托组织必须选择委托机关' }]}
          >
            <Select options={delegatingOptions} placeholder="请选择委托机关" showSearch={{ optionFilterProp: 'label' }} data-testid="agency-delegating" />
          </Form.Item>
        ) : null}
        <Form.Item label="地区" name="region" rules={[{ max: 100, message: '不能超过 100 个字符' }]}>
          <Input placeholder="如 河南省南阳市方城县" data-testid="agency-region" />
        </Form.Item>
        <Form.Item label="单个音像文件上限（MB）" name="avUploadMaxMb" extra="留空 = 仅平台上限；实际上限取本机关上限与平台上限中较小者">
          <InputNumber min={1} max={8 * 1024 * 1024} precision={0} style={{ width: '100%' }} placeholder="仅平台上限" data-testid="agency-av-upload-max" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
