import { Form, type FormInstance } from 'antd';
import type { FieldDefinition, MatterDetail, Officer } from '../api/index.js';
import { FieldControl } from './doc/FieldControl.js';

/**
 * What a step records beyond time, place and officers (a seizure's items and term, a
 * preservation's reason and form …), generated from the step's field definitions — the same
 * form engine as documents. Its own form instance, so a fact named like a step field ("place")
 * never collides with it.
 */
export function StepFactsFields(props: { form: FormInstance; fields: FieldDefinition[]; source: string | null; detail: MatterDetail; officers: Officer[] }) {
  const { form, fields, source, detail, officers } = props;
  const values = (Form.useWatch([], form) ?? {}) as Record<string, unknown>;
  const ctx = { parties: detail.parties, officers, matterOfficers: detail.officers, disabled: false };
  const requiredNow = (f: FieldDefinition) => f.required || Boolean(f.requiredWhen && f.requiredWhen.equals.includes(String(values[f.requiredWhen.field] ?? '')));
  return (
    <div className="span-2 step-facts" data-testid="step-facts">
      {source ? <div className="muted step-facts-source">须记录事项（{source}）</div> : null}
      <Form form={form} component={false} layout="vertical">
        <div className="form-grid">
          {fields.map((f) => (
            <FieldControl key={f.key} field={f} snippets={[]} ctx={ctx} required={requiredNow(f)} />
          ))}
        </div>
      </Form>
    </div>
  );
}

/** The facts as the API takes them: blank values left out, so "not filled" is never "filled with nothing". */
export function factsValues(form: FormInstance, fields: FieldDefinition[]) {
  const all = form.getFieldsValue(fields.map((f) => f.key)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}
