import { CheckCircleFilled, FlagOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Empty, Input, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { avApi, type AvRecordDetail } from '../../api/av.js';
import { showError } from '../../util/errors.js';
import { clock } from './av-labels.js';
import type { PlayerHandle } from './AvPlayer.js';

type Props = { agencyId: string; record: AvRecordDetail; keyPoints: string[]; activity: string | null; player: () => PlayerHandle | null; canWork: boolean; onChanged: () => void };

/**
 * 要点标记 (AV-6, CHK-2): the moments of a recording that show the key points of its activity.
 * The officer marks the player's current second with a key point from the checklist (or free
 * text); the checklist shows which key points are covered. Tapping a mark seeks the player.
 */
export function AvBookmarks({ agencyId, record, keyPoints, activity, player, canWork, onChanged }: Props) {
  const { message } = App.useApp();
  const [keyPoint, setKeyPoint] = useState('');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const timed = record.kind !== 'photo';
  const covered = new Map(record.bookmarks.filter((b) => b.keyPoint).map((b) => [b.keyPoint!, b.atSecond]));

  const add = async () => {
    const atSecond = timed ? Math.floor(player()?.currentTime() ?? 0) : 0;
    if (!keyPoint.trim() && !note.trim()) return void message.warning('请选择要点或填写备注');
    setSaving(true);
    try {
      await avApi.bookmark(agencyId, record.id, { atSecond, keyPoint: keyPoint.trim() || null, note: note.trim() || null });
      void message.success(timed ? `已在 ${clock(atSecond)} 标记要点` : '已标记要点');
      setKeyPoint('');
      setNote('');
      onChanged();
    } catch (err) {
      showError(err, message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="av-bookmarks">
      {canWork ? (
        <div className="av-mark" data-testid="av-mark">
          <AutoComplete
            value={keyPoint}
            onChange={setKeyPoint}
            options={keyPoints.map((k) => ({ value: k, label: covered.has(k) ? `${k}（已标记）` : k }))}
            placeholder={keyPoints.length ? '选择清单要点，或直接填写' : '填写要点'}
            style={{ width: '100%' }}
            popupMatchSelectWidth
            showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
            data-testid="av-keypoint"
          />
          <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder="备注（可不填）" maxLength={1000} data-testid="av-bookmark-note" />
          <Button type="primary" icon={<FlagOutlined />} loading={saving} onClick={() => void add()} data-testid="av-bookmark-add" block>
            {timed ? '在当前时间标记要点' : '标记要点'}
          </Button>
        </div>
      ) : null}
      <List
        size="small"
        dataSource={record.bookmarks}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未标记要点" /> }}
        data-testid="av-bookmark-list"
        renderItem={(b) => (
          <List.Item className="av-bookmark" onClick={() => timed && player()?.seek(b.atSecond)} data-testid="av-bookmark" data-second={b.atSecond}>
            <Space size={8} align="start">
              {timed ? (
                <Tag color="blue" className="av-at">
                  {clock(b.atSecond)}
                </Tag>
              ) : null}
              <div>
                <div>{b.keyPoint ?? b.note}</div>
                <div className="muted av-small">
                  {b.keyPoint && b.note ? `${b.note} · ` : ''}
                  {b.createdByName ?? ''}
                </div>
              </div>
            </Space>
          </List.Item>
        )}
      />
      {keyPoints.length ? (
        <div className="av-checklist" data-testid="av-checklist">
          <div className="av-checklist-head">
            清单要点{activity ? `（${activity}）` : ''}：已标记 {keyPoints.filter((k) => covered.has(k)).length} / {keyPoints.length}
          </div>
          {keyPoints.map((k) => (
            <div key={k} className={covered.has(k) ? 'av-kp done' : 'av-kp'} onClick={() => (covered.has(k) && timed ? player()?.seek(covered.get(k)!) : setKeyPoint(k))}>
              {covered.has(k) ? <CheckCircleFilled /> : <MinusCircleOutlined />}
              <span>{k}</span>
              {covered.has(k) && timed ? <span className="muted">{clock(covered.get(k))}</span> : null}
            </div>
          ))}
        </div>
      ) : (
        <div className="muted av-small">{record.stepId ? '本机关清单未列此环节的要点，可直接填写。' : '关联环节后，将列出该环节在音像记录事项清单中的要点。'}</div>
      )}
    </div>
  );
}
