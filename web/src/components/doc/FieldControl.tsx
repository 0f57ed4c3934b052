import { DatePicker, Form, Input, InputNumber, Select, Tooltip } from 'antd';
import type { FieldDefinition, MatterOfficer, Officer, Party } from '../../api/index.js';
import { dayjs } from '../../util/time.js';
import { EvidenceEditor, ItemsEditor, LawBasisEditor, OfficersEditor, PartyEditor } from './RowEditors.js';

type Ctx = { parties: Party[]; officers: Officer[]; matterOfficers: MatterOfficer[]; disabled: boolean };
type Props<T> = { value?: T; onChange?: (v: T | undefined) => void; disabled?: boolean; testId?: string };

/** A date field holds 'YYYY-MM-DD'. */
function DateInput({ value, onChange, disabled, testId }: Props<string>) {
  return <DatePicker value={value ? dayjs(value, 'YYYY-MM-DD') : null} disabled={disabled} onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)} style={{ width: '100%' }} data-testid={testId} />;
}

/** A datetime field holds a Beijing wall-clock time 'YYYY-MM-DDTHH:mm', printed as written. */
function DateTimeInput({ value, onChange, disabled, testId }: Props<string>) {
  return (
    <DatePicker
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={value ? dayjs(value.slice(0, 16), 'YYYY-MM-DDTHH:mm') : null}
      disabled={disabled}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DDTHH:mm') : undefined)}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

function control(f: FieldDefinition, ctx: Ctx) {
  const testId = `field-${f.key}`;
  const d = ctx.disabled;
  switch (f.type) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} disabled={d} data-testid={testId} />;
    case 'date':
      return <DateInput disabled={d} testId={testId} />;
    case 'datetime':
      return <DateTimeInput disabled={d} testId={testId} />;
    case 'number':
      return <InputNumber disabled={d} style={{ width: 200 }} data-testid={testId} />;
    case 'money':
      return <InputNumber disabled={d} min={0} precision={2} addonAfter="元" style={{ width: 240 }} data-testid={testId} />;
    case 'select':
      return <Select disabled={d} allowClear options={f.options ?? []} style={{ maxWidth: 360 }} data-testid={testId} />;
    case 'party':
      return <PartyEditor disabled={d} parties={ctx.parties} testId={testId} />;
    case 'officers':
      return <OfficersEditor disabled={d} officers={ctx.officers} matterOfficers={ctx.matterOfficers} testId={testId} />;
    case 'items':
      return <ItemsEditor disabled={d} columns={f.columns ?? []} testId={testId} />;
    case 'law_basis':
      return <LawBasisEditor disabled={d} testId={testId} />;
    case 'evidence_refs':
      return <EvidenceEditor disabled={d} testId={testId} />;
    default:
      return <Input disabled={d} data-testid={testId} />;
  }
}

/**
 * One field of a document form, generated from its definition (DOC-1), with the standard
 * wording for it (DOC-6): a click inserts the phrase at the end of what is written.
 */
export function FieldControl({ field, snippets, ctx, required, error }: { field: FieldDefinition; snippets: string[]; ctx: Ctx; required: boolean; error?: string[] }) {
  const form = Form.useFormInstance();
  const insert = (s: string) => {
    const cur = (form.getFieldValue(field.key) as string | undefined) ?? '';
    form.setFieldValue(field.key, cur ? `${cur}${field.type === 'textarea' ? '\n' : ''}${s}` : s);
  };
  const extra = (
    <>
      {field.help ? <div className="field-help">{field.help}</div> : null}
      {snippets.length && !ctx.disabled ? (
        <div className="snippets" data-testid={`snippets-${field.key}`}>
          <span className="muted">规范用语：</span>
          {snippets.map((s) => (
            <Tooltip key={s} title={s}>
              <button type="button" className="snippet" onClick={() => insert(s)}>
                {s.length > 24 ? `${s.slice(0, 24)}…` : s}
              </button>
            </Tooltip>
          ))}
        </div>
      ) : null}
    </>
  );
  const wide = ['textarea', 'party', 'officers', 'items', 'law_basis', 'evidence_refs'].includes(field.type);
  return (
    <Form.Item
      name={field.key}
      label={field.label}
      required={required}
      extra={extra}
      className={wide ? 'span-2' : undefined}
      validateStatus={error?.length ? 'error' : undefined}
      help={error?.length ? error.join('；') : undefined}
      data-testid={`item-${field.key}`}
    >
      {control(field, ctx)}
    </Form.Item>
  );
}
