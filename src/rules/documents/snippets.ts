// 执法规范用语 offered while writing (DOC-6, S3 全过程记录办法 第八条 "采取文字记录方式，应当使用
// 执法规范用语"). Phrases are keyed by field; a type may add its own. Blanks to fill are written
// as ＿＿ so the officer sees at once what is left to complete.

/** Phrases for a field key whatever the document type. */
const BY_FIELD: Record<string, string[]> = {
  identity_shown: [
    '我们是＿＿（执法机关）的执法人员＿＿、＿＿，执法证号分别为＿＿、＿＿，这是我们的执法证件，请过目。',
    '执法人员已向当事人出示执法证件，当事人已确认。',
    '为保护您的合法权益，监督我们的执法行为，本次行政执法全程录音、录像。',
  ],
  rights_notice: [
    '我们依法就＿＿一事进行调查，请您如实回答问题、提供材料，不得拒绝或者阻挠。',
    '如果您认为执法人员与本案有直接利害关系或者其他关系可能影响公正执法的，有权申请回避。您是否申请回避？',
  ],
  rights_notice_given: [
    '执法人员当面告知当事人：对拟作出的决定享有陈述权、申辩权，有权申请执法人员回避。',
    '已告知当事人依法享有陈述、申辩、申请回避、申请听证、申请行政复议和提起行政诉讼的权利。',
  ],
  remedy_notice: [
    '如不服本决定，可以在收到本决定书之日起六十日内向＿＿申请行政复议，或者在六个月内依法向＿＿人民法院提起行政诉讼。',
    '行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外。',
  ],
  statement_rights: [
    '你（单位）有权进行陈述和申辩，可以在收到本催告书之日起三日内向本机关提出；逾期未提出的，视为放弃陈述和申辩的权利。',
  ],
  interviewee_confirmation: [
    '以上笔录我看过（或者已向我宣读过），与我说的相符。',
    '以上笔录共＿＿页，我已阅读，记录属实。',
  ],
  party_opinion: ['对检查情况无异议。', '对上述记录有异议，异议内容为：＿＿。'],
  av_recording: [
    '本次执法活动使用执法记录仪全程音像记录，记录仪编号＿＿。',
    '因＿＿，不适宜进行音像记录，已书面记录原因。',
  ],
  refusal_to_cooperate: ['当事人拒绝接受调查，拒绝理由：＿＿。执法人员已告知拒绝调查的法律后果。'],
  refusal_reason: [
    '受送达人拒绝签收，执法人员邀请见证人＿＿到场，说明情况后将文书留置于受送达人住所。',
  ],
  consequences: [
    '逾期仍不履行的，本机关将依法强制执行（或者申请人民法院强制执行）。',
    '逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款本数。',
  ],
  performance: [
    '自收到本决定书之日起十五日内，到＿＿银行缴纳罚款。逾期不缴纳的，每日按罚款数额的百分之三加处罚款。',
  ],
  handler_opinion: ['经初步核查，当事人涉嫌＿＿，符合立案条件，建议立案调查。'],
  unit_opinion: ['同意承办人意见。', '请补充＿＿后再报。'],
  head_opinion: ['同意。', '不同意，理由：＿＿。'],
  statements_review: [
    '当事人在法定期限内未提出陈述、申辩。',
    '当事人提出＿＿，经复核，其理由＿＿（成立/不成立），本机关＿＿（予以采纳/不予采纳）。',
  ],
};

/** Phrases a particular type adds for one of its fields. */
const BY_TYPE: Record<string, Record<string, string[]>> = {
  penalty_rights_notice: {
    rights: [
      '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利。',
      '根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求举行听证，应当在收到本告知书之日起五日内提出。',
      '逾期未提出陈述、申辩或者听证要求的，视为放弃上述权利。',
    ],
    statement_deadline: ['收到本告知书之日起五日内'],
    hearing_deadline: ['收到本告知书之日起五日内'],
  },
  seizure_decision: {
    reason: ['你（单位）涉嫌＿＿，为制止违法行为、防止证据损毁，依法对下列财物实施扣押。'],
    period: ['扣押期限为三十日，自＿＿年＿＿月＿＿日至＿＿年＿＿月＿＿日。'],
    statements: ['执法人员当场宣读扣押决定书，告知当事人扣押的理由、依据和享有的权利、救济途径，当事人陈述：＿＿。'],
  },
  seizure_extension_notice: {
    extension_reason: ['因案情复杂，需要进一步调查核实，经本机关负责人批准，决定延长扣押期限。'],
  },
  questioning_record: {
    questions_answers: [
      '问：我们是＿＿的执法人员，现依法向你询问有关情况，请如实回答。你听清楚了吗？',
      '问：你的基本情况？',
      '问：你还有什么需要补充的吗？',
    ],
  },
  case_filing_approval: {
    start_reason: ['执法人员在日常检查中发现当事人涉嫌＿＿。', '接到实名举报，反映＿＿。'],
  },
  closing_approval: {
    execution_status: ['当事人已于＿＿年＿＿月＿＿日缴纳罚款，处罚决定已执行完毕。'],
  },
  // Issue 12: the forms of the 2021 template set.
  hearing_notice: {
    hearing_rights: [
      '你（单位）可以亲自参加听证，也可以委托一至二人代理；认为主持人与本案有直接利害关系的，有权申请回避；' +
        '听证中可以陈述、申辩和质证，进行辩论并作最后陈述；听证笔录交你（单位）核对无误后签字或者盖章（《中华人民共和国行政处罚法》第六十四条）。',
      '无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。',
    ],
  },
  questioning_notice: {
    duty_notice: ['根据《中华人民共和国行政处罚法》第五十五条的规定，当事人或者有关人员应当如实回答询问，并协助调查或者检查，不得拒绝或者阻挠。'],
  },
  rectification_notice: {
    rectification: ['请你（单位）于＿＿年＿＿月＿＿日前改正上述违法行为，并将改正情况书面报告本机关。'],
    consequences: ['逾期不改正的，本机关将依法予以处理。'],
  },
  no_penalty_decision: {
    education: ['本机关已对当事人进行批评教育，当事人表示今后严格遵守有关规定。'],
  },
  service_address_confirmation: {
    undertaking: [
      '本人（单位）确认上述送达地址准确、有效；送达地址变更的，将及时书面告知。因提供的地址不准确或者变更未及时告知，' +
        '导致文书未能被实际接收的，文书退回之日视为送达之日。',
    ],
  },
  service_announcement: {
    waiting_period: ['自公告发布之日起经过三十日，即视为送达。'],
  },
};

/** Standard wording for a field of a document type: the type's own phrases first, then the field's. */
export function snippetsFor(typeId: string, fieldKey: string): string[] {
  return [...(BY_TYPE[typeId]?.[fieldKey] ?? []), ...(BY_FIELD[fieldKey] ?? [])];
}

/** The wording printed when a signer refuses to sign (DOC-3, S1 第十一条、第二十四条). */
export function refusalWording(roleLabel: string, reason: string, witnessName: string): string {
  return `${roleLabel}拒绝签字，理由：${reason}，见证人：${witnessName}`;
}

/** The announcement before recording, S0 第六条. */
export const RECORDING_ANNOUNCEMENT = '为保护您的合法权益，监督我们的执法行为，本次行政执法全程录音、录像。';
