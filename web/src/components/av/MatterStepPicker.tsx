import { Form, Select } from 'antd';
import { useEffect, useState } from 'react';
import { matterApi, type Matter } from '../../api/index.js';
import { formatDateTime } from '../../util/time.js';
import { useLoad } from '../../util/useLoad.js';

/**
 * 所属事项 and 环节 of a record (AV-1): the matter is searched by number or title; the steps are
 * that matter's. Field names `matterId` and `stepId` of the surrounding form.
 */
export function MatterStepPicker({ agencyId, initialMatter }: { agencyId: string; initialMatter?: Pick<Matter, 'id' | 'number' | 'title'> | null }) {
  const form = Form.useFormInstance();
  const matterId = Form.useWatch('matterId', form) as string | undefined;
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed), 300);
    return () => clearTimeout(t);
  }, [typed]);
  const found = useLoad(() => matterApi.search(agencyId, { q: q || undefined, status: 'open', pageSize: 20 }), [agencyId, q]);
  const detail = useLoad(() => matterApi.get(agencyId, matterId!), [agencyId, matterId], !!matterId);
  const matters = [...(initialMatter ? [initialMatter] : []), ...(found.data?.items ?? []).filter((m) => m.id !== initialMatter?.id)];
  const steps = detail.data?.matter.id === matterId ? (detail.data?.steps ?? []) : [];

  return (
    <>
      <Form.Item label="所属执法事项" name="matterId" className="span-2">
        <Select
          allowClear
          placeholder="输入案号或事项名称查找"
          showSearch={{ filterOption: false, onSearch: setTyped }}
          loading={found.loading}
          onChange={() => form.setFieldsValue({ stepId: undefined })}
          options={matters.map((m) => ({ value: m.id, label: `${m.number} ${m.title}` }))}
          notFoundContent={found.loading ? '正在查找…' : '没有找到办理中的事项'}
          data-testid="av-matter"
        />
      </Form.Item>
      <Form.Item label="所记录的环节" name="stepId" className="span-2" extra={matterId ? undefined : '请先选择执法事项'}>
        <Select
          allowClear
          disabled={!matterId}
          placeholder="选择环节"
          options={[...steps].reverse().map((s) => ({ value: s.id, label: `${s.label} · ${formatDateTime(s.occurredAt).slice(0, 16)}` }))}
          data-testid="av-organise-step"
        />
      </Form.Item>
    </>
  );
}
