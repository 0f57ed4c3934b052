import { SendOutlined } from '@ant-design/icons';
import { App, Button, Input, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { legalReviewApi, type ReviewMessage } from '../../api/legal-review.js';
import { showError } from '../../util/errors.js';
import { formatDateTime } from '../../util/time.js';

/**
 * 第十条: the reviewer asks for documents or explanations and the handler answers, in the system.
 * `kind` is what this user may write here (null: read only).
 */
export function MessagesThread(props: { agencyId: string; reviewId: string; messages: ReviewMessage[]; kind: 'request' | 'answer' | null; onSent: () => void }) {
  const { agencyId, reviewId, messages, kind, onSent } = props;
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (!kind || !text.trim()) return;
    setBusy(true);
    try {
      await legalReviewApi.message(agencyId, reviewId, kind, text.trim());
      void message.success(kind === 'request' ? '已向承办人提出补充要求' : '已答复');
      setText('');
      onSent();
    } catch (err) {
      showError(err, message);
    } finally {
      setBusy(false);
    }
  };
  if (!messages.length && !kind) return null;
  return (
    <div className="lr-messages" data-testid={`messages-${reviewId}`}>
      {messages.length ? (
        <List
          size="small"
          dataSource={messages}
          renderItem={(m) => (
            <List.Item className={`lr-msg lr-msg-${m.kind}`}>
              <div>
                <Tag color={m.kind === 'request' ? 'orange' : 'blue'}>{m.kind === 'request' ? '要求补充材料/说明' : '承办人答复'}</Tag>
                <span className="muted">
                  {formatDateTime(m.at).slice(5, 16)} {m.byName ?? ''}
                </span>
                <div className="pre-wrap">{m.text}</div>
              </div>
            </List.Item>
          )}
        />
      ) : null}
      {kind ? (
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={kind === 'request' ? '要求补充的材料或需要说明的问题' : '答复审核人员的要求'}
            data-testid={`message-text-${kind}`}
          />
          <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={!text.trim()} onClick={() => void send()} data-testid={`message-send-${kind}`}>
            {kind === 'request' ? '提出要求' : '答复'}
          </Button>
        </Space.Compact>
      ) : null}
    </div>
  );
}
