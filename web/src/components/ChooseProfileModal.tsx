import { CheckCircleFilled } from '@ant-design/icons';
import { App, Card, Col, Form, Input, Modal, Row, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { policyApi, type ProfileSummary } from '../api/index.js';
import { seedLabels } from '../rules-labels.js';
import { showError } from '../util/errors.js';

/** The five built-in profiles as cards; the selected one is marked. */
export function ProfileCards(props: { profiles: ProfileSummary[]; selected?: string | null; currentId?: string | null; onSelect?: (id: string) => void; compact?: boolean }) {
  const { profiles, selected, currentId, onSelect, compact } = props;
  return (
    <Row gutter={[16, 16]}>
      {profiles.map((p) => (
        <Col key={p.id} xs={24} md={compact ? 24 : 12} xl={compact ? 24 : 8}>
          <Card
            hoverable={!!onSelect}
            onClick={() => onSelect?.(p.id)}
            className={`profile-card${selected === p.id ? ' selected' : ''}`}
            data-testid={`profile-card-${p.seed}`}
            size="small"
          >
            <div className="profile-card-head">
              <Tag color="geekblue">{p.seed}</Tag>
              <b>{p.name}</b>
              {selected === p.id ? <CheckCircleFilled className="profile-check" /> : null}
            </div>
            <Typography.Paragraph type="secondary" className="profile-issuer" ellipsis={{ rows: compact ? 2 : 3 }}>
              {p.issuer}
            </Typography.Paragraph>
            <div className="profile-card-foot">
              <span>{seedLabels[p.seed]}</span>
              {currentId === p.id ? <Tag color="green">本机关现行方案所据</Tag> : null}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** 选择 / 切换方案: pick a built-in profile and state the basis; the choice becomes a new version. */
export function ChooseProfileModal(props: {
  open: boolean;
  agencyId: string;
  profiles: ProfileSummary[];
  initial?: string | null;
  currentId?: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { open, agencyId, profiles, initial, currentId, onClose, onSaved } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ basis: string }>();
  const [selected, setSelected] = useState<string | null>(initial ?? null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setSelected(initial ?? null);
    form.resetFields();
  }, [open, initial, form]);

  const submit = async () => {
    const v = await form.validateFields();
    if (!selected) {
      void message.warning('请选择一套方案');
      return;
    }
    setSaving(true);
    try {
      const res = await policyApi.choose(agencyId, selected, v.basis.trim());
      void message.success(`已选用：${res.profile.name}（第 ${res.version} 版）`);
      onSaved();
    } catch (err) {
      showError(err, message, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={currentId ? '切换方案' : '选择执法规范方案'}
      okText="确认选用"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={760}
      okButtonProps={{ 'data-testid': 'choose-save' }}
    >
      <Typography.Paragraph type="secondary">
        选用后形成新的方案版本，全部参数和音像记录事项清单以所选方案为准，本机关此前的调整不再保留（可在版本记录中查看）。
      </Typography.Paragraph>
      <div className="choose-list">
        <ProfileCards profiles={profiles} selected={selected} currentId={currentId} onSelect={setSelected} compact />
      </div>
      <Form form={form} layout="vertical" name="choose" className="choose-form">
        <Form.Item label="依据" name="basis" rules={[{ required: true, whitespace: true, message: '请写明依据（文号、会议或理由）' }, { min: 2, message: '请写明依据（文号、会议或理由）' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如 本局行政执法全过程记录实施方案（〔2026〕5号）" data-testid="choose-basis" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
