import { FileAddOutlined } from '@ant-design/icons';
import { App, Button, Empty, List, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { documentApi, type DocType, type MatterDetail, type Officer, type Step } from '../api/index.js';
import { useSession } from '../session.js';
import { prefill, typesForStep, type MatterDoc } from '../util/documents.js';
import { showError } from '../util/errors.js';

/** After a step is recorded: offers to draft its 执法文书 (DOC-1), pre-filled from the matter. */
export function DraftDocumentsModal(props: { agencyId: string; detail: MatterDetail; step: Step | null; types: DocType[]; officers: Officer[]; existing: MatterDoc[]; onClose: () => void }) {
  const { agencyId, detail, step, types, officers, existing, onClose } = props;
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const candidates = step ? typesForStep(types, detail.matter.category, step.step) : [];

  const draft = async (t: DocType) => {
    if (!step) return;
    setBusy(t.id);
    try {
      const doc = await documentApi.create(agencyId, detail.matter.id, { typeId: t.id, stepId: step.id, fields: prefill(t, detail, step, officers, me?.user.displayName ?? '') });
      void message.success(`已起草${t.name}`);
      navigate(`/documents/${doc.id}`);
    } catch (err) {
      showError(err, message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal open={!!step} title={`制作文书：${step?.label ?? ''}`} footer={<Button onClick={onClose}>稍后再说</Button>} onCancel={onClose} destroyOnHidden width={600}>
      {candidates.length ? (
        <List
          dataSource={candidates}
          renderItem={(t) => {
            const made = existing.filter((d) => d.typeId === t.id && d.stepId === step?.id);
            return (
              <List.Item
                actions={[
                  made.length ? (
                    <Button key="open" onClick={() => navigate(`/documents/${made[0]!.id}`)}>
                      打开
                    </Button>
                  ) : (
                    <Button key="draft" type="primary" icon={<FileAddOutlined />} loading={busy === t.id} onClick={() => void draft(t)} data-testid={`draft-${t.id}`}>
                      起草
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={
                    <span>
                      {t.name} {t.approval ? <Tag color="orange">需审批后定稿</Tag> : null} {t.audience === 'party' ? <Tag>送达当事人</Tag> : t.audience === 'addressee' ? <Tag>送交有关机关</Tag> : null}
                    </span>
                  }
                  description={`依据：${t.source}`}
                />
              </List.Item>
            );
          }}
        />
      ) : (
        <Empty description="此环节没有规定的文书；如需要，可在事项页面另行制作。" />
      )}
    </Modal>
  );
}
