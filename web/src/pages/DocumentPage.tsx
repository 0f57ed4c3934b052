import { CheckCircleOutlined, FilePdfOutlined, FileWordOutlined, PrinterOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Popconfirm, Result, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, documentApi, matterApi, type DocFields } from '../api/index.js';
import { FieldControl } from '../components/doc/FieldControl.js';
import { SignaturesPanel } from '../components/doc/SignaturesPanel.js';
import { VersionsPanel } from '../components/doc/VersionsPanel.js';
import { gateReason, GateRefusal } from '../components/legal-review/GateRefusal.js';
import { Guard, Page } from '../components/Page.js';
import { docStatusLabels, phaseLabel } from '../matter-labels.js';
import { useSession } from '../session.js';
import { showError } from '../util/errors.js';
import { formatDateTime } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';
import { useOfficers } from '../util/useOfficers.js';

export function DocumentPage() {
  return (
    <Guard allow={(a) => a.can.readMatters}>
      <DocumentEditor />
    </Guard>
  );
}

/** Strips empty values so a draft holds only what was written. */
const clean = (v: DocFields): DocFields => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));

/** 执法文书 editor (DOC-1 … DOC-6): generated form, save, 定稿, versions, signatures, print. */
function DocumentEditor() {
  const { documentId = '' } = useParams();
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const { message } = App.useApp();
  const [form] = Form.useForm<DocFields>();
  const doc = useLoad(() => documentApi.get(agencyId, documentId), [agencyId, documentId]);
  const typeId = doc.data?.typeId;
  const type = useLoad(() => documentApi.type(typeId!), [typeId], !!typeId);
  const matterId = doc.data?.matterId;
  const matter = useLoad(() => matterApi.get(agencyId, matterId!), [agencyId, matterId], !!matterId);
  const { officers } = useOfficers();
  const [issues, setIssues] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState<'save' | 'issue' | null>(null);
  const [gate, setGate] = useState<string | null>(null);
  const values = (Form.useWatch([], form) ?? {}) as DocFields;

  // Refill the form when another version is shown or this one is saved or issued — not when a
  // signature is added, so what is being written stays on screen.
  useEffect(() => {
    if (doc.data) {
      form.resetFields();
      form.setFieldsValue(doc.data.fields);
      setIssues({});
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc.data?.id, doc.data?.status, doc.data?.updatedAt, form]);

  const d = doc.data;
  const t = type.data;
  if (!d) return doc.loading ? <Spin /> : <Result status="404" title="未找到该文书" />;
  if (!t) return <Spin />;
  const editable = d.status === 'draft' && access.can.workOnMatters;
  const step = matter.data?.steps.find((s) => s.id === d.stepId);
  const fields = () => clean(form.getFieldsValue(true) as DocFields);

  const save = async (quiet = false) => {
    setBusy('save');
    try {
      await documentApi.save(agencyId, d.id, fields());
      if (!quiet) void message.success('草稿已保存');
      return true;
    } catch (err) {
      showError(err, message);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const issue = async () => {
    if (!(await save(true))) return;
    setBusy('issue');
    try {
      setGate(null);
      const issued = await documentApi.issue(agencyId, d.id);
      void message.success(issued.number ? `已定稿，文号 ${issued.number}` : '已定稿');
      doc.reload();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        const byField: Record<string, string[]> = {};
        for (const i of err.issues) (byField[i.field.split('.')[0] ?? i.field] ??= []).push(i.message);
        setIssues(byField);
      }
      if (gateReason(err)) setGate((err as Error).message);
      showError(err, message);
    } finally {
      setBusy(null);
    }
  };

  const requiredNow = (key: string) => {
    const f = t.fields.find((x) => x.key === key)!;
    return f.required || Boolean(f.requiredWhen && f.requiredWhen.equals.includes(String(values[f.requiredWhen.field] ?? '')));
  };
  const ctx = { parties: matter.data?.parties ?? [], officers, matterOfficers: matter.data?.officers ?? [], disabled: !editable };

  return (
    <Page
      title={t.name}
      description={
        <span data-testid="doc-meta">
          <Link to={`/matters/${d.matterId}`}>{matter.data?.matter.number ?? '返回事项'}</Link>
          {step ? ` · ${step.label}` : ''} · {phaseLabel(t.phase)} · 第 {d.version} 版 · <Tag color={d.status === 'issued' ? 'green' : 'default'}>{docStatusLabels[d.status]}</Tag>
          {d.number ? <b className="mono" data-testid="doc-number">{d.number}</b> : null}
        </span>
      }
      extra={
        <div className="page-actions">
          <Button icon={<PrinterOutlined />} href={documentApi.printUrl(agencyId, d.id)} target="_blank" data-testid="doc-print">
            打印
          </Button>
          <Button icon={<FileWordOutlined />} href={documentApi.fileUrl(agencyId, d.id, 'docx')} data-testid="doc-docx">
            DOCX
          </Button>
          <Button icon={<FilePdfOutlined />} href={documentApi.fileUrl(agencyId, d.id, 'pdf')} data-testid="doc-pdf">
            PDF
          </Button>
        </div>
      }
    >
      {gate ? <GateRefusal className="page-alert" matterId={d.matterId} message={gate} title="不能定稿：须先完成重大执法决定法制审核" /> : null}
      {d.correctionReason ? <Alert className="page-alert" type="info" showIcon title={`第 ${d.version} 版更正第 ${d.version - 1} 版，理由：${d.correctionReason}`} /> : null}
      {d.status === 'issued' ? (
        <Alert className="page-alert" type="success" showIcon title={`已于 ${formatDateTime(d.issuedAt)} 定稿${d.issuedByName ? `（${d.issuedByName}）` : ''}，内容不再改变；如需更正，请在“版本”中形成新版本。`} />
      ) : step && (step.status === 'pending' || step.status === 'returned') && t.approval ? (
        <Alert className="page-alert" type="warning" showIcon title={`“${step.label}”尚待审批（${step.status === 'returned' ? '已退回' : '审批中'}），批准后方可定稿；草稿可以先写好并签名。`} />
      ) : null}
      <Card className="section-card doc-form-card">
        <Form form={form} layout="vertical" name="document" className="form-grid doc-form" disabled={!editable}>
          {t.fields.map((f) => (
            <FieldControl key={f.key} field={f} snippets={t.snippets?.[f.key] ?? []} ctx={ctx} required={requiredNow(f.key)} error={issues[f.key]} />
          ))}
        </Form>
        {editable ? (
          <div className="doc-actions">
            <Button icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void save()} data-testid="doc-save">
              保存草稿
            </Button>
            <Popconfirm title="定稿后内容不能再修改，确定定稿？" okText="定稿" cancelText="取消" onConfirm={() => void issue()} okButtonProps={{ 'data-testid': 'doc-issue-confirm' }}>
              <Button type="primary" icon={<CheckCircleOutlined />} loading={busy === 'issue'} data-testid="doc-issue">
                定稿{t.numberPrefix ? '并编文号' : ''}
              </Button>
            </Popconfirm>
          </div>
        ) : null}
      </Card>
      <div className="doc-side">
        <SignaturesPanel agencyId={agencyId} doc={d} type={t} parties={matter.data?.parties ?? []} onChanged={doc.reload} />
        <VersionsPanel agencyId={agencyId} doc={d} fields={fields} />
      </div>
    </Page>
  );
}
