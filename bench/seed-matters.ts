import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';

// Seeds N realistic matters for one agency in set-based SQL (generate_series), fast enough for
// 1,000,000 on PostgreSQL. Realistic means spread as a county bureau's three years of work, not
// in lockstep: each attribute draws from its own hash of the row number — category by weight
// (inspections most, enforcement execution least), creation time uniform over three years, phase
// and status by age (old matters mostly archived, recent ones open in every phase), unit, two
// distinct officers — and one party, a person or a company named from pools large enough that a
// company name matches well under 1 % of matters.
const r = (salt: string, mod: number) => `(abs(hashtext('${salt}' || i)) % ${mod})`;

export async function seedMatters(db: Db, agency: { id: string; unitIds: string[]; officerIds: string[] }, n: number, batch = 50_000) {
  const units = `array[${agency.unitIds.map((u) => `'${u}'::uuid`).join(',')}]`;
  const officers = `array[${agency.officerIds.map((o) => `'${o}'::uuid`).join(',')}]`;
  const nOfficers = agency.officerIds.length;
  for (let start = 1; start <= n; start += batch) {
    const end = Math.min(n, start + batch - 1);
    await db.execute(sql.raw(`
      insert into matters (id, agency_id, unit_id, number, category, start_route, title, phase, status, created_at, updated_at, ended_at)
      select gen_random_uuid(), '${agency.id}', (${units})[1 + ${r('u', agency.unitIds.length)}],
        'BENCH' || (array['罚','强','检','许'])[1 + ${r('n', 4)}] || '〔' || extract(year from created) || '〕' || i || '号',
        category, 'ex_officio',
        (array['无照经营','销售过期食品','未按规定明码标价','虚假宣传','擅自从事网吧经营','安全生产隐患','超范围经营','未公示营业执照','违规排放污水','占道经营'])[1 + ${r('t', 10)}] || '案',
        case when archived then 'archiving' when closed then 'service_execution' else (array['start','investigation','investigation','review_decision','service_execution'])[1 + ${r('p', 5)}] end,
        case when archived then 'archived' when closed then 'closed' else 'open' end,
        created, created,
        case when archived or closed then created + (5 + ${r('e', 60)}) * interval '1 day' end
      from (
        select i, created,
          (array['expropriation','inspection','inspection','inspection','inspection','inspection','inspection','penalty_general','penalty_general','penalty_general','penalty_general','penalty_simple','penalty_simple','penalty_simple','licensing','licensing','licensing','coercive_measure','coercive_measure','coercive_execution'])[1 + ${r('c', 20)}] as category,
          age_days > 120 and ${r('a', 100)} < 85 as archived,
          age_days > 30 and ${r('a', 100)} between 85 and 94 as closed
        from (
          select i, timestamp '2023-11-23 00:00:00+08' + ${r('d', 1095)} * interval '1 day' + ${r('m', 600)} * interval '1 minute' as created, 1095 - ${r('d', 1095)} as age_days
          from generate_series(${start}, ${end}) as i
        ) dated
      ) drawn`));
    await db.execute(sql.raw(`
      insert into matter_parties (matter_id, kind, name, id_type, id_number)
      select m.id, case when ${r('k', 3)} = 0 then 'natural' else 'legal' end,
        case when ${r('k', 3)} = 0
          then (array['张','王','李','赵','刘','陈','杨','黄','周','吴','徐','孙','马','朱','胡','郭','何','林','高','罗'])[1 + ${r('s', 20)}]
            || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平','刚','桂','英','华','建','文','玉','兰','红','辉'])[1 + ${r('g1', 30)}]
            || (array['','','国','志','海','晓','春','金','永','成'])[1 + ${r('g2', 10)}]
          else (array['方城县','南召县','唐河县','社旗县','新野县'])[1 + ${r('x', 5)}]
            || (array['恒通','顺达','华美','金鑫','新世纪','宏达','鑫源','永盛','天成','瑞丰','博远','嘉禾','昌盛','利民','兴旺','众诚','盛世','金桥','汇丰','东方','大地','长城','富民','中原','康泰','润泽','信达','明珠','伟业','旭日','腾飞','和谐','春晖','德润','锦程','同心','惠民','启航','安康','聚福'])[1 + ${r('b', 40)}]
            || (array['商贸','食品','餐饮','建材','物流','网络科技','文化传媒','农业开发','机械','医药','服装','汽车服务','电子','酒店管理','装饰工程'])[1 + ${r('y', 15)}]
            || '有限公司'
        end,
        case when ${r('k', 3)} = 0 then 'resident_id' else 'uscc' end, lpad((i * 7919 % 1000000000)::text, 18, '9')
      from (select id, row_number() over (order by id) + ${start - 1} as i from matters where agency_id = '${agency.id}' and number like 'BENCH%' and not exists (select 1 from matter_parties p where p.matter_id = matters.id)) m`));
    // Two distinct officers: the lead, and another chosen by an offset of 1 … n-1 from it.
    await db.execute(sql.raw(`
      with picked as (
        select id, ${r('o1', nOfficers)} as lead, ${r('o2', nOfficers - 1)} as second
        from (select id, row_number() over (order by id) as i from matters where agency_id = '${agency.id}' and number like 'BENCH%' and not exists (select 1 from matter_officers o where o.matter_id = matters.id)) m
      )
      insert into matter_officers (matter_id, officer_id, lead)
      select id, (${officers})[1 + lead], true from picked
      union all
      select id, (${officers})[1 + (lead + 1 + second) % ${nOfficers}], false from picked`));
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
