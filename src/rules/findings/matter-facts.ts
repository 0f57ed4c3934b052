import type { MatterDeadlineContext } from '../matter-deadlines/matter-deadline.js';
import type { EnforcementCategory } from '../profiles/vocabulary.js';

// What the findings engine knows about one enforcement matter. The server builds these from its
// tables; the engine reads nothing else. All instants are UTC `Date`s. Later issues add facts.

export interface MatterFacts {
  matterId: string;
  category: EnforcementCategory;
  startRoute: 'ex_officio' | 'application' | 'complaint';
  /** Set when the matter was started before approval because of urgency (S1 第七条). */
  emergencyStart?: {
    startedAt: Date;
    /** When the retroactive report for approval (补报) was filed. */
    retroReportedAt?: Date | null;
  } | null;
  activities: ActivityFacts[];
  avRecords: AvRecordFacts[];
  /** The end of the matter, 执法行为终结/结案 (CASE-12); archive limits run from it. */
  endedAt?: Date | null;
  archivedAt?: Date | null;
  decision?: DecisionFacts | null;
  legalReview?: LegalReviewFacts | null;
  /**
   * The matter's record as the national-law time limits read it (steps with facts, documents,
   * services); the calendar, the roll-over and today come from the evaluation.
   */
  record?: Omit<MatterDeadlineContext, 'today' | 'calendar' | 'rollOverAgencyDays'> | null;
  /** 行政处罚法 第四十五条 (CASE-8): the amounts proposed and decided, once a decision is issued. */
  penaltyAfterStatements?: PenaltyAfterStatementsFacts | null;
}

export interface PenaltyAfterStatementsFacts {
  /** Whether the party's 陈述、申辩 were recorded (not a waiver). */
  statementsRecorded: boolean;
  /** 拟罚款金额 (yuan) of the served 事先告知书; null when the notice does not record it. */
  proposedFine: number | null;
  /** 罚款金额 (yuan) of the issued 行政处罚决定书; null when it does not record it. */
  decidedFine: number | null;
  decisionDocumentId: string;
}

export interface ActivityFacts {
  activityId: string;
  /** Checklist activity identifier, e.g. 'seizure' (see docs/glossary-rules.md). */
  activity: string;
  occurredAt: Date;
  officerIds: string[];
  documents: { documentId: string; type: string }[];
  /** For checklist rows that apply only in a situation (e.g. "容易引起行政争议的"): whether it did. */
  avConditionApplies?: boolean;
  /** Why no AV was made, in writing (AV-9); may cite a forbidden condition of the profile. */
  avOmission?: { writtenReason: string; forbiddenConditionId?: string | null } | null;
}

export interface AvRecordFacts {
  recordId: string;
  /** What people call it (title, else file name), so a finding can name it; optional. */
  label?: string | null;
  /** The activity it records, if linked. */
  activityId?: string | null;
  recordedEnd: Date;
  ingestedAt?: Date | null;
  /** When the officer finished naming, classifying and describing it (AV-5). */
  organisedAt?: Date | null;
  /** 连续工作、异地工作、边远或交通不便地区执法: the remote-work limit then runs from return. */
  remoteWork: boolean;
  returnedAt?: Date | null;
  /** The special-circumstance delay was approved (S0 单位负责人批准; S2 特殊情况). */
  exceptionApproved?: boolean;
  /** The reason the officer gave for storing late, shown with a late finding. */
  lateReason?: string | null;
}

export interface DecisionFacts {
  issuedAt: Date;
  /**
   * Whether the system records the decision's public disclosure at all. Until it does (a later
   * issue), disclosure is unknown and PUB-2 stays silent: a rule never fires on a fact nobody records.
   */
  disclosureRecorded?: boolean;
  /** When it was disclosed; null: recorded as not (yet) disclosed. Read only if `disclosureRecorded`. */
  disclosedAt?: Date | null;
  /** 法律、行政法规另有规定 / not to be disclosed (e.g. state secret): no disclosure limit runs. */
  disclosureExempt?: boolean;
}

export interface LegalReviewFacts {
  receivedAt: Date;
  /** When the agency head approved the extension (法制审核办法 第十三条), if at all. */
  extensionApprovedAt?: Date | null;
  completedAt?: Date | null;
}
