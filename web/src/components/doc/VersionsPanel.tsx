import { App, Button, Card, Input, Modal, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { documentApi, type DocDetail, type DocFields } from '../../api/index.js';
import { docStatusLabels } from '../../matter-labels.js';
import { showError } from '../../util/errors.js';
import { formatDateTime } from '../../util/time.js';

/** DOC-4: every version of a document, and 更正 — a new version naming the old one and why. */
export function VersionsPanel({ agencyId, doc, fields }: { agencyId: string; doc: DocDetail; fields: () => DocFields }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const latest = doc.versions.at(-1);
  const canCorrect = doc.status === 'issued' && latest?.id === doc.id;

  const correct = async () => {
    try {
      const next = await documentApi.correct(agencyId, doc.id, fields(), reason.trim());
      void message.success(`已形成第 ${next.version} 版草稿，请修改后定稿`);
      setOpen(false);
      navigate(`/documents/${next.id}`);
    } catch (err) {
      showError(err, message);
    }
  };

  return (
    <Card
      title="版本"
      size="small"
      className="section-card"
      extra={
        canCorrect ? (
          <Button size="small" onClick={() => (setReason(''), setOpen(true))} data-testid="doc-correct">
            更正
          </Button>
        ) : null
      }
      data-testid="versions-panel"
    >
      <Timeline
        items={doc.versions.map((v) => ({
          key: v.id,
          color: v.status === 'issued' ? 'green' : 'gray',
          content: (
            <div>
              {v.id === doc.id ? <b>第 {v.version} 版（当前）</b> : <Link to={`/documents/${v.id}`}>第 {v.version} 版</Link>} <Tag>{docStatusLabels[v.status]}</Tag>
              {v.number ? <span className="mono">{v.number}</span> : null}
              <div className="muted">
                起草 {formatDateTime(v.createdAt).slice(0, 16)}
                {v.issuedAt ? ` · 定稿 ${formatDateTime(v.issuedAt).slice(0, 16)}` : ''}
              </div>
              {v.correctionReason ? <div>更正理由：{v.correctionReason}</div> : null}
            </div>
          ),
        }))}
      />
      <Modal open={open} title="更正文书" okText="形成新版本" okButtonProps={{ disabled: reason.trim().length < 2, 'data-testid': 'correction-save' }} onOk={() => void correct()} onCancel={() => setOpen(false)} destroyOnHidden>
        <p className="muted">已定稿的文书不能修改。更正将以当前内容形成第 {doc.version + 1} 版草稿，写明所替代的版本和理由，原版本保留。</p>
        <Input.TextArea autoSize={{ minRows: 3 }} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="更正理由，如 扣押物品数量笔误" data-testid="correction-reason" />
      </Modal>
    </Card>
  );
}
