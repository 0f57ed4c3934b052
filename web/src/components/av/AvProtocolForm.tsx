import { AimOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, InputNumber, Space } from 'antd';
import { useEffect, useState } from 'react';
import { avApi, type AvProtocol, type AvRecordDetail } from '../../api/av.js';
import { showError } from '../../util/errors.js';
import { clock } from './av-labels.js';
import type { PlayerHandle } from './AvPlayer.js';

const ANNOUNCEMENT = '为保护您的合法权益，监督我们的执法行为，本次行政执法全程录音、录像。';

/**
 * 录制规范 (AV-7): the announcement (and at which second it was made), the spoken statement of
 * time, place, officers and matter, the landmark of the place, and whether it ran without a gap.
 */
export function AvProtocolForm({ agencyId, record, player, canWork, onSaved }: { agencyId: string; record: AvRecordDetail; player: () => PlayerHandle | null; canWork: boolean; onSaved: () => void }) {
  const [form] = Form.useForm<AvProtocol>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const announced = Form.useWatch('announcementMade', form);
  const timed = record.kind !== 'photo';

  useEffect(() => {
    form.setFieldsValue({ announcementMade: false, statementMade: false, continuous: false, announcementAtSecond: null, landmark: '', note: '', ...(record.protocol ?? {}) });
  }, [form, record.protocol]);

  const markNow = () => form.setFieldsValue({ announcementMade: true, announcementAtSecond: Math.floor(player()?.currentTime() ?? 0) });

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const protocol: AvProtocol = {
        announcementMade: Boolean(v.announcementMade),
        announcementAtSecond: v.announcementMade && v.announcementAtSecond !== undefined ? v.announcementAtSecond : null,
        statementMade: Boolean(v.statementMade),
        landmark: v.landmark?.trim() || null,
        continuous: Boolean(v.continuous),
        note: v.note?.trim() || null,
      };
      await avApi.organise(agencyId, record.id, { protocol });
      void message.success('已保存录制规范');
      onSaved();
    } catch (err) {
      showError(err, message, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" name="av-protocol" disabled={!canWork} className="av-protocol">
      <Form.Item name="announcementMade" valuePropName="checked" className="av-check" extra={`“${ANNOUNCEMENT}”`}>
        <Checkbox data-testid="av-protocol-announcement">已告知当事人全程录音录像</Checkbox>
      </Form.Item>
      {timed ? (
        <Form.Item label="告知于录像第几秒" className="av-inline">
          <Space.Compact>
            <Form.Item name="announcementAtSecond" noStyle>
              <InputNumber min={0} max={86400} precision={0} disabled={!announced || !canWork} style={{ width: 120 }} suffix="秒" data-testid="av-protocol-at" />
            </Form.Item>
            <Button icon={<AimOutlined />} onClick={markNow} data-testid="av-protocol-mark">
              标记当前时间
            </Button>
          </Space.Compact>
          {announced && typeof form.getFieldValue('announcementAtSecond') === 'number' ? <span className="muted"> {clock(form.getFieldValue('announcementAtSecond'))}</span> : null}
        </Form.Item>
      ) : null}
      <Form.Item name="statementMade" valuePropName="checked" className="av-check" extra="时间、地点、执法人员、执法事项和记录内容">
        <Checkbox data-testid="av-protocol-statement">已口述说明时间、地点、人员和事项</Checkbox>
      </Form.Item>
      <Form.Item name="continuous" valuePropName="checked" className="av-check" extra="自到达现场至离开现场，无中断、无事后补录；有中断的请记录中断">
        <Checkbox data-testid="av-protocol-continuous">全程连续记录</Checkbox>
      </Form.Item>
      <Form.Item label="现场标志性建筑或参照物" name="landmark" rules={[{ max: 200, message: '不能超过 200 字' }]}>
        <Input placeholder="如 文化路口邮政大楼" data-testid="av-protocol-landmark" />
      </Form.Item>
      <Form.Item label="备注" name="note" rules={[{ max: 1000, message: '不能超过 1000 字' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      {canWork ? (
        <Button type="primary" loading={saving} onClick={() => void save().catch(() => undefined)} data-testid="av-protocol-save">
          保存录制规范
        </Button>
      ) : null}
    </Form>
  );
}
