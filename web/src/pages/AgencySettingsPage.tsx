import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import { agencyApi } from '../api/index.js';
import { Guard, Page } from '../components/Page.js';
import { agencyKindLabels } from '../labels.js';
import { useSession } from '../session.js';
import { showError } from '../util/errors.js';
import { useLoad } from '../util/useLoad.js';

const MB = 1024 * 1024;
const toMb = (bytes: number | null) => (bytes === null ? null : Math.floor(bytes / MB));

export function AgencySettingsPage() {
  return (
    <Guard allow={(a) => a.can.administerAgency}>
      <AgencySettings />
    </Guard>
  );
}

/** 本机关设置: what an agency's own administrator may set for it — today the AV upload limit (AV-2). */
function AgencySettings() {
  const { agency: current } = useSession();
  const agencyId = current!.id;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ avUploadMaxMb: number | null }>();
  const [saving, setSaving] = useState(false);
  const agency = useLoad(() => agencyApi.get(agencyId), [agencyId]);
  const data = agency.data;

  useEffect(() => {
    if (data) form.setFieldsValue({ avUploadMaxMb: toMb(data.avUploadMaxBytes) });
  }, [data, form]);

  const save = async () => {
    const { avUploadMaxMb } = await form.validateFields();
    if (!data) return;
    setSaving(true);
    try {
      // Only the limit is sent: the change is audited as a limit change and nothing else.
      const unchanged = (avUploadMaxMb ?? null) === toMb(data.avUploadMaxBytes);
      if (!unchanged) await agencyApi.update(agencyId, { avUploadMaxBytes: avUploadMaxMb ? avUploadMaxMb * MB : null });
      void message.success(unchanged ? '未作修改' : '单个音像文件上限已保存');
      agency.reload();
    } catch (err) {
      showError(err, message, form, { VALIDATION_FAILED: 'avUploadMaxMb' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page title="本机关设置" description="本机关管理员可以设置的事项；每次修改记入审计日志。">
      <Card className="section-card" loading={!data}>
        {data ? (
          <Descriptions column={1} size="small" bordered data-testid="agency-facts">
            <Descriptions.Item label="名称">{data.name}</Descriptions.Item>
            <Descriptions.Item label="代码">{data.code}</Descriptions.Item>
            <Descriptions.Item label="类型">{agencyKindLabels[data.kind]}</Descriptions.Item>
            <Descriptions.Item label="区域">{data.region ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="单个音像文件上限">{data.avUploadMaxBytes === null ? '仅平台上限' : `${toMb(data.avUploadMaxBytes)} MB`}</Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
      <Card className="section-card" title="音像记录上传">
        <Form form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={() => void save().catch(() => undefined)}>
          <Form.Item label="单个音像文件上限（MB）" name="avUploadMaxMb" extra="留空 = 仅平台上限；实际上限取本机关上限与平台上限中较小者" rules={[{ type: 'integer', min: 1, message: '请输入不小于 1 的整数（MB）' }]}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} placeholder="仅平台上限" data-testid="agency-upload-limit" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="agency-settings-save">
            保存
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
