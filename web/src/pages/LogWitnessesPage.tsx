import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { logWitnessApi } from '../api/index.js';
import type { Answer } from '../api/typed-client.js';
import { Guard, Page } from '../components/Page.js';
import { showError } from '../util/errors.js';
import { formatDateTime } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';

// INT-1 witnesses, for the platform administrator: the log's key and latest checkpoint, the
// supervising bodies registered as witnesses, and which of them cosigned the latest checkpoint.
type Witness = Answer<'/api/log/witnesses', 'get'>[number];
type Cosignature = Answer<'/api/log/cosignatures', 'get'>[number];

function RegisterWitnessModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ verifierKey: string; label: string }>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const saved = await logWitnessApi.register(v.verifierKey, v.label);
      void message.success(`已登记见证方：${saved.label}`);
      form.resetFields();
      onSaved();
    } catch (err) {
      showError(err, message, form, { DUPLICATE: 'verifierKey', VALIDATION_FAILED: 'verifierKey' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal title="登记日志见证方" open={open} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} confirmLoading={saving} okText="登记" okButtonProps={{ 'data-testid': 'witness-save' }} destroyOnHidden>
      <Form form={form} layout="vertical" name="witness">
        <Form.Item label="见证方单位" name="label" rules={[{ required: true, whitespace: true, message: '请填写见证方单位名称' }, { max: 100, message: '不能超过 100 个字符' }]}>
          <Input placeholder="如：南阳市司法局" data-testid="witness-label" />
        </Form.Item>
        <Form.Item label="见证方公钥" name="verifierKey" rules={[{ required: true, whitespace: true, message: '请填写见证方公钥' }]} extra="由见证方运行 liuhen witness keygen 生成后提供，一行，形如“名称+8位十六进制+base64”">
          <Input.TextArea rows={3} spellCheck={false} data-testid="witness-key" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function LogWitnessesPage() {
  const key = useLoad(() => logWitnessApi.publicKey(), []);
  const checkpoint = useLoad(() => logWitnessApi.checkpoint(), []);
  const witnesses = useLoad(() => logWitnessApi.witnesses(), []);
  const size = checkpoint.data?.treeSize;
  const cosignatures = useLoad(() => (size ? logWitnessApi.cosignatures(size) : Promise.resolve([])), [size]);
  const [open, setOpen] = useState(false);

  const signedBy = new Map((cosignatures.data ?? []).map((c) => [c.witnessName, c]));
  const columns: TableColumnsType<Witness> = [
    { title: '见证方单位', dataIndex: 'label', width: 160 },
    { title: '签名名称', dataIndex: 'name', width: 240 },
    {
      title: '最新检查点',
      key: 'latest',
      width: 220,
      render: (_: unknown, w) => {
        const c: Cosignature | undefined = signedBy.get(w.name);
        return c ? <Tag color="green">已联署（{formatDateTime(c.cosignedAt)}）</Tag> : <Tag color="orange">尚未联署</Tag>;
      },
    },
    { title: '登记时间', dataIndex: 'createdAt', width: 180, render: formatDateTime },
    { title: '登记人', dataIndex: 'createdByName', width: 100, render: (n: string | null) => n ?? '—' },
  ];

  return (
    <Guard allow={(a) => a.platform.manageWitnesses} needAgency={false}>
      <Page
        title="日志见证"
        description="监督机关运行 liuhen witness，核对每个新检查点与其此前所见一致后联署；平台被整体篡改时，改写的历史也会被见证方发现。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="witness-register">
            登记见证方
          </Button>
        }
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card title="完整性日志" data-testid="log-summary">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="日志名称">{key.data?.origin ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="日志签名公钥">
                <Typography.Text copyable code style={{ wordBreak: 'break-all' }}>
                  {key.data?.verifierKey ?? '—'}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="最新检查点">{checkpoint.data ? `${checkpoint.data.treeSize} 条记录，签于 ${formatDateTime(checkpoint.data.createdAt)}` : '日志尚无记录'}</Descriptions.Item>
              <Descriptions.Item label="联署情况">{size ? `${cosignatures.data?.length ?? 0} / ${witnesses.data?.length ?? 0} 个见证方已联署最新检查点` : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          {witnesses.data && witnesses.data.length === 0 ? <Alert type="info" showIcon message="尚未登记见证方。请监督机关运行 liuhen witness keygen，把打印出的公钥交给您登记。" /> : null}
          <Card title="见证方">
            <Table<Witness> rowKey="id" columns={columns} dataSource={witnesses.data ?? []} loading={witnesses.loading} pagination={false} scroll={{ x: 900 }} data-testid="witness-table" />
          </Card>
        </Space>
        <RegisterWitnessModal
          open={open}
          onClose={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            witnesses.reload();
          }}
        />
      </Page>
    </Guard>
  );
}
