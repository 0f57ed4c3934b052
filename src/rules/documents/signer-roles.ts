/** Who signs or seals a document (DOC-3); labels are what the print shows beside the line.
 * Kept free of imports so the web app can use the same table without bundling zod. */
export const SIGNER_ROLES = {
  officer: '执法人员',
  recorder: '记录人',
  party: '当事人',
  interviewee: '被询问人',
  witness: '见证人',
  server: '送达人',
  recipient: '受送达人',
  host: '听证主持人',
  expert: '专家',
  participant: '参加人员',
  legal_reviewer: '法制审核人员',
} as const;
export type SignerRole = keyof typeof SIGNER_ROLES;
