// What a seizure (扣押) or sealing (查封) step records (CASE-10, 行政强制法 第二十四条), for tests
// that need a seizure on the way to something else.
export const SEIZURE_FACTS = {
  measure_reason: '涉嫌销售无证出版物，证据可能被转移',
  seized_items: [{ name: '无证出版物', specification: '32开', quantity: 120, unit: '册', condition: '完好' }, { name: '打印机', quantity: 1, unit: '台' }],
  custody_place: '局物证室',
  measure_place: '文化路 8 号',
};

/** A release returning everything the seizure above took, signed for by the party. */
export const releaseFacts = (seizureStep: string, returnedAt: string) => ({
  seizure_step: seizureStep,
  release_reason: '对违法行为已经作出处理决定，不再需要查封、扣押',
  returned_items: SEIZURE_FACTS.seized_items.map(({ name, quantity, unit }) => ({ name, quantity, unit })),
  returned_to: '张三',
  receipt: '当事人或其委托的人签收',
  signed_by: '张三',
  returned_at: returnedAt,
});
