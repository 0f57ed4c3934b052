import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';

// Seeds N realistic matters for one agency in set-based SQL (generate_series), fast enough for
// 1,000,000 on PostgreSQL: categories, phases and dates spread like a county bureau's three
// years of work, one party each (legal or natural), two officers, and 3–6 steps with documents.
export async function seedMatters(db: Db, agency: { id: string; unitIds: string[]; officerIds: string[] }, n: number, batch = 50_000) {
  const units = `array[${agency.unitIds.map((u) => `'${u}'::uuid`).join(',')}]`;
  const officers = `array[${agency.officerIds.map((o) => `'${o}'::uuid`).join(',')}]`;
  for (let start = 1; start <= n; start += batch) {
    const end = Math.min(n, start + batch - 1);
    await db.execute(sql.raw(`
      insert into matters (id, agency_id, unit_id, number, category, start_route, title, phase, status, created_at, updated_at, ended_at)
      select gen_random_uuid(), '${agency.id}', (${units})[1 + (i % ${agency.unitIds.length})],
        'BENCH' || (array['罚','强','检','许'])[1 + (i % 4)] || '〔' || (2024 + (i % 3)) || '〕' || i || '号',
        (array['penalty_general','coercive_measure','inspection','licensing','penalty_simple'])[1 + (i % 5)],
        'ex_officio',
        (array['无照经营','销售过期食品','未按规定明码标价','虚假宣传','擅自从事网吧经营','安全生产隐患'])[1 + (i % 6)] || '案',
        (array['start','investigation','review_decision','service_execution','archiving'])[1 + (i % 5)],
        (array['open','open','open','closed','archived'])[1 + (i % 5)],
        timestamp '2024-01-01 00:00:00+08' + (i % 1095) * interval '1 day' + (i % 480) * interval '1 minute',
        timestamp '2024-01-01 00:00:00+08' + (i % 1095) * interval '1 day' + (i % 480) * interval '1 minute',
        case when i % 5 >= 3 then timestamp '2024-01-01 00:00:00+08' + (i % 1095 + 20) * interval '1 day' end
      from generate_series(${start}, ${end}) as i`));
    await db.execute(sql.raw(`
      insert into matter_parties (matter_id, kind, name, id_type, id_number)
      select m.id, case when i % 3 = 0 then 'natural' else 'legal' end,
        case when i % 3 = 0 then (array['张','王','李','赵','刘','陈'])[1 + (i % 6)] || '某' || (i % 997) else '方城县' || (array['恒通','顺达','华美','金鑫','新世纪'])[1 + (i % 5)] || '商贸有限公司' || (i % 991) end,
        case when i % 3 = 0 then 'resident_id' else 'uscc' end, lpad((i * 7919 % 1000000000)::text, 18, '9')
      from (select id, row_number() over (order by id) + ${start - 1} as i from matters where agency_id = '${agency.id}' and number like 'BENCH%' and not exists (select 1 from matter_parties p where p.matter_id = matters.id)) m`));
    await db.execute(sql.raw(`
      insert into matter_officers (matter_id, officer_id, lead)
      select m.id, (${officers})[1 + (m.i % ${agency.officerIds.length})], true from (select id, row_number() over (order by id) as i from matters where agency_id = '${agency.id}' and number like 'BENCH%' and not exists (select 1 from matter_officers o where o.matter_id = matters.id)) m
      union all
      select m.id, (${officers})[1 + ((m.i + 1) % ${agency.officerIds.length})], false from (select id, row_number() over (order by id) as i from matters where agency_id = '${agency.id}' and number like 'BENCH%' and not exists (select 1 from matter_officers o where o.matter_id = matters.id)) m`));
  }
}

/** One matter with `records` timeline entries: steps with approvals and documents. */
export async function seedLongMatter(db: Db, matterId: string, records: number) {
  const steps = Math.ceil(records / 3);
  await db.execute(sql.raw(`
    insert into matter_steps (id, matter_id, step, phase, status, occurred_at, officer_ids, recorded_at, recorded_by_name)
    select gen_random_uuid(), '${matterId}', (array['questioning','on_site_inspection','sampling','evidence_collection'])[1 + (i % 4)], 'investigation', 'done',
      now() - (${steps} - i) * interval '1 hour', '[]'::jsonb, now() - (${steps} - i) * interval '1 hour', '压测'
    from generate_series(1, ${steps}) as i`));
  await db.execute(sql.raw(`
    insert into step_approvals (matter_id, step_id, stage, decision, opinion, actor_name, at)
    select '${matterId}', s.id, 'submit', 'submitted', '提请审批', '压测', s.occurred_at from matter_steps s where s.matter_id = '${matterId}'`));
  await db.execute(sql.raw(`
    insert into documents (matter_id, step_id, type_id, lineage_id, version, status, fields, created_at, created_by_name, updated_at)
    select '${matterId}', s.id, 'questioning_record', gen_random_uuid(), 1, 'draft', '{"place":"现场"}'::jsonb, s.occurred_at, '压测', s.occurred_at from matter_steps s where s.matter_id = '${matterId}'`));
}
