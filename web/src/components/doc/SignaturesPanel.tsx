import { PaperClipOutlined, SignatureOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, List, Segmented, Select, Tag, Upload } from 'antd';
import { useRef, useState } from 'react';
import { documentApi, type DocDetail, type DocType, type Party, type SignerRole } from '../../api/index.js';
import { signerRoleLabels } from '../../matter-labels.js';
import { showError } from '../../util/errors.js';
import { formatDateTime } from '../../util/time.js';
import { SignaturePad, type SignaturePadHandle } from '../SignaturePad.js';

type Method = 'drawn' | 'refused' | 'scanned';

const readDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(new Error('无法读取文件'));
    r.readAsDataURL(file);
  });

/**
 * DOC-3, DOC-5: signatures drawn on the tablet, a refusal with its reason and witness, or a
 * scan of the signed paper; all kept beside the document (signing changes nothing written).
 */
export function SignaturesPanel({ agencyId, doc, type, parties, onChanged }: { agencyId: string; doc: DocDetail; type: DocType; parties: Party[]; onChanged: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ role: SignerRole; signerName: string; refusalReason?: string; witnessName?: string }>();
  const pad = useRef<SignaturePadHandle>(null);
  const [method, setMethod] = useState<Method>('drawn');
  const [saving, setSaving] = useState(false);
  const roles = (type.signers.length ? type.signers : ['officer', 'party']) as SignerRole[];

  const suggestName = (role: SignerRole) => {
    if (role === 'party' || role === 'recipient' || role === 'interviewee') form.setFieldValue('signerName', parties[0]?.legalRepresentative || parties[0]?.operatorName || parties[0]?.name || '');
    else form.setFieldValue('signerName', '');
  };

  const save = async () => {
    const v = await form.validateFields();
    const imageDataUrl = method === 'drawn' ? pad.current?.toDataUrl() : null;
    if (method === 'drawn' && !imageDataUrl) return void message.warning('请先在签名区签名');
    setSaving(true);
    try {
      await documentApi.sign(agencyId, doc.id, { role: v.role, signerName: v.signerName.trim(), method, imageDataUrl, refusalReason: v.refusalReason?.trim() || null, witnessName: v.witnessName?.trim() || null });
      void message.success(method === 'refused' ? '已记录拒绝签字' : `已保存${signerRoleLabels[v.role]}签名`);
      pad.current?.clear();
      onChanged();
    } catch (err) {
      showError(err, message, form);
    } finally {
      setSaving(false);
    }
  };

  const upload = async (file: File, asSignature: boolean) => {
    try {
      const url = await readDataUrl(file);
      if (asSignature) {
        const v = await form.validateFields(['role', 'signerName']);
        await documentApi.sign(agencyId, doc.id, { role: v.role, signerName: v.signerName.trim(), method: 'scanned', imageDataUrl: url });
      } else {
        await documentApi.attach(agencyId, doc.id, { kind: 'signed_scan', fileName: file.name, dataBase64: url.slice(url.indexOf(',') + 1) });
      }
      void message.success(asSignature ? '已保存签名扫描件' : `已上传扫描件：${file.name}`);
      onChanged();
    } catch (err) {
      showError(err, message);
    }
  };

  return (
    <Card title="签名与扫描件" size="small" className="section-card" data-testid="signatures-panel">
      <List
        size="small"
        dataSource={doc.signatures}
        locale={{ emptyText: '尚无签名' }}
        renderItem={(s) => (
          <List.Item data-testid="signature-row">
            <div>
              <Tag>{signerRoleLabels[s.role] ?? s.role}</Tag>
              <b>{s.signerName}</b> {s.method === 'refused' ? <Tag color="red">拒绝签字</Tag> : <Tag color="green">{s.method === 'drawn' ? '手写签名' : '扫描签名'}</Tag>}
              <div className="muted">
                {formatDateTime(s.signedAt)}
                {s.method === 'refused' ? ` · 理由：${s.refusalReason ?? ''} · 见证人：${s.witnessName ?? ''}` : ''}
              </div>
            </div>
          </List.Item>
        )}
      />
      {doc.attachments.length ? (
        <div className="attachments">
          {doc.attachments.map((a) => (
            <div key={a.id} className="muted">
              <PaperClipOutlined /> {a.fileName}（{Math.ceil(a.size / 1024)} KB，{formatDateTime(a.addedAt)}）
            </div>
          ))}
        </div>
      ) : null}
      <Form form={form} layout="vertical" name="signature" initialValues={{ role: roles[0] }} className="signature-form">
        <Segmented<Method>
          block
          value={method}
          onChange={setMethod}
          options={[
            { value: 'drawn', label: '屏幕签名' },
            { value: 'refused', label: '拒绝签字' },
            { value: 'scanned', label: '上传扫描件' },
          ]}
          data-testid="signature-method"
        />
        <div className="form-grid" style={{ marginTop: 12 }}>
          <Form.Item name="role" label="签名人身份" rules={[{ required: true }]}>
            <Select options={roles.map((r) => ({ value: r, label: signerRoleLabels[r] }))} onChange={suggestName} data-testid="signature-role" />
          </Form.Item>
          <Form.Item name="signerName" label="签名人姓名" rules={[{ required: true, whitespace: true, message: '请填写签名人' }]}>
            <Input data-testid="signature-name" />
          </Form.Item>
        </div>
        {method === 'drawn' ? <SignaturePad ref={pad} testId="document-signature" /> : null}
        {method === 'refused' ? (
          <div className="form-grid">
            <Form.Item name="refusalReason" label="拒签理由" rules={[{ required: true, whitespace: true, message: '请记录拒签理由' }]}>
              <Input data-testid="refusal-reason" />
            </Form.Item>
            <Form.Item name="witnessName" label="见证人" rules={[{ required: true, whitespace: true, message: '请填写见证人' }]}>
              <Input data-testid="refusal-witness" />
            </Form.Item>
          </div>
        ) : null}
        {method === 'scanned' ? (
          <div className="upload-row">
            <Upload accept="image/png,image/jpeg" showUploadList={false} beforeUpload={(f) => (void upload(f, true), false)}>
              <Button icon={<SignatureOutlined />}>上传签名图片（PNG/JPEG）</Button>
            </Upload>
            <Upload accept="application/pdf,image/png,image/jpeg" showUploadList={false} beforeUpload={(f) => (void upload(f, false), false)}>
              <Button icon={<UploadOutlined />}>上传签字文书扫描件（PDF/JPEG/PNG）</Button>
            </Upload>
          </div>
        ) : (
          <Button type="primary" block loading={saving} onClick={() => void save().catch(() => undefined)} style={{ marginTop: 12 }} data-testid="signature-save">
            {method === 'refused' ? '记录拒绝签字' : '保存签名'}
          </Button>
        )}
      </Form>
    </Card>
  );
}
