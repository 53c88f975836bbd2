/** A label in both UI languages. */
export interface Label {
  ja: string;
  en: string;
}

function guard<T extends string>(values: ReadonlyArray<T>): (x: unknown) => x is T {
  return (x: unknown): x is T => typeof x === 'string' && (values as ReadonlyArray<string>).includes(x);
}

export const ROLES = ['ORGANIZER', 'FACILITATOR', 'SECRETARIAT', 'PARTICIPANT', 'OBSERVER'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = guard(ROLES);
export const ROLE_LABELS: Record<Role, Label> = {
  ORGANIZER: { ja: '主催者', en: 'Organiser' },
  FACILITATOR: { ja: 'ファシリテーター', en: 'Facilitator' },
  SECRETARIAT: { ja: '事務局', en: 'Secretariat' },
  PARTICIPANT: { ja: '参加者', en: 'Participant' },
  OBSERVER: { ja: '傍聴', en: 'Observer' },
};

export const PROPOSAL_STATUSES = ['DRAFT', 'OPEN', 'VOTING', 'ADOPTED', 'REJECTED', 'DEFERRED', 'WITHDRAWN'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const isProposalStatus = guard(PROPOSAL_STATUSES);
export const STATUS_LABELS: Record<ProposalStatus, Label> = {
  DRAFT: { ja: '下書き', en: 'Draft' },
  OPEN: { ja: '議論中', en: 'Open for discussion' },
  VOTING: { ja: '採決中', en: 'Voting' },
  ADOPTED: { ja: '採択', en: 'Adopted' },
  REJECTED: { ja: '不採択', en: 'Rejected' },
  DEFERRED: { ja: '継続審議', en: 'Deferred' },
  WITHDRAWN: { ja: '取り下げ', en: 'Withdrawn' },
};
/** Alias with the type's own name, for readers who look for it. */
export const PROPOSAL_STATUS_LABELS = STATUS_LABELS;

export const STANCES = ['SUPPORT', 'CONCERN', 'QUESTION', 'NEUTRAL'] as const;
export type Stance = (typeof STANCES)[number];
export const isStance = guard(STANCES);
export const STANCE_LABELS: Record<Stance, Label> = {
  SUPPORT: { ja: '賛同', en: 'Support' },
  CONCERN: { ja: '懸念', en: 'Concern' },
  QUESTION: { ja: '質問', en: 'Question' },
  NEUTRAL: { ja: '中立', en: 'Neutral' },
};

export const VOTE_CHOICES = ['AGREE', 'DISAGREE', 'ABSTAIN', 'BLOCK'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export const isVoteChoice = guard(VOTE_CHOICES);
export const CHOICE_LABELS: Record<VoteChoice, Label> = {
  AGREE: { ja: '賛成', en: 'Agree' },
  DISAGREE: { ja: '反対', en: 'Disagree' },
  ABSTAIN: { ja: '棄権', en: 'Abstain' },
  BLOCK: { ja: 'ブロック', en: 'Block' },
};

export const DECISION_RULES = ['MAJORITY', 'SUPERMAJORITY', 'CONSENSUS', 'CROSS_SECTOR'] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];
export const isDecisionRule = guard(DECISION_RULES);
export interface RuleLabel extends Label {
  descriptionJa: string;
  descriptionEn: string;
}
export const RULE_LABELS: Record<DecisionRule, RuleLabel> = {
  MAJORITY: {
    ja: '多数決',
    en: 'Majority',
    descriptionJa: '賛成が反対（ブロックを含む）より多ければ採択します。',
    descriptionEn: 'Adopted when agree votes outnumber disagree votes (blocks count as disagree).',
  },
  SUPERMAJORITY: {
    ja: '特別多数決',
    en: 'Supermajority',
    descriptionJa: '棄権を除いた票のうち、賛成が基準（通常は3分の2）以上なら採択します。',
    descriptionEn: 'Adopted when agree votes reach the threshold (normally two thirds) of non-abstaining votes.',
  },
  CONSENSUS: {
    ja: '合意（コンセント）',
    en: 'Consensus (consent)',
    descriptionJa: 'ブロックが一つもなく、賛成が基準（通常は4分の3）以上なら採択します。',
    descriptionEn: 'Adopted when nobody blocks and agree votes reach the threshold (normally three quarters).',
  },
  CROSS_SECTOR: {
    ja: '産官学金労言合意',
    en: 'Cross-sector consensus',
    descriptionJa:
      'ブロックがなく、十分な数の分野が投票し、投票したすべての分野で賛成が基準（通常は60%）以上なら採択します。どの分野も置き去りにしません。',
    descriptionEn:
      'Adopted when nobody blocks, enough sectors vote, and in every sector that voted agree votes reach the threshold (normally 60%). No sector can be steamrolled.',
  },
};

export const BALLOTS = ['OPEN', 'SECRET'] as const;
export type Ballot = (typeof BALLOTS)[number];
export const isBallot = guard(BALLOTS);
export const BALLOT_LABELS: Record<Ballot, Label> = {
  OPEN: { ja: '記名投票', en: 'Open (named) ballot' },
  SECRET: { ja: '無記名投票', en: 'Secret ballot' },
};

export const OUTCOMES = ['ADOPTED', 'REJECTED', 'NO_QUORUM'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const isOutcome = guard(OUTCOMES);
export const OUTCOME_LABELS: Record<Outcome, Label> = {
  ADOPTED: { ja: '採択', en: 'Adopted' },
  REJECTED: { ja: '不採択', en: 'Rejected' },
  NO_QUORUM: { ja: '定足数不足', en: 'No quorum' },
};

export const MEETING_STATUSES = ['SCHEDULED', 'LIVE', 'ENDED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const isMeetingStatus = guard(MEETING_STATUSES);
export const MEETING_STATUS_LABELS: Record<MeetingStatus, Label> = {
  SCHEDULED: { ja: '開催予定', en: 'Scheduled' },
  LIVE: { ja: '開催中', en: 'Live' },
  ENDED: { ja: '終了', en: 'Ended' },
};

/** Who may join a live meeting by its code (docs/security.md, finding 1). */
export const ADMISSIONS = ['CODE', 'MEMBERS_ONLY', 'CODE_WITH_APPROVAL'] as const;
export type Admission = (typeof ADMISSIONS)[number];
export const ADMISSION_LABELS: Record<Admission, Label> = {
  CODE: { ja: '参加コードで誰でも（ゲスト）', en: 'Anyone with the code (as a guest)' },
  MEMBERS_ONLY: { ja: 'メンバーのみ', en: 'Members only' },
  CODE_WITH_APPROVAL: { ja: '参加コード＋受付で承認', en: 'Code, then approval at the door' },
};
export const ADMISSION_STATUSES = ['PENDING', 'ADMITTED', 'DENIED'] as const;
export type AdmissionStatus = (typeof ADMISSION_STATUSES)[number];
/** A device may bring in 1 guest by default; a shared family phone up to this many. */
export const MAX_GUESTS_PER_DEVICE = 10;

export const MINUTES_STATUSES = ['DRAFT', 'FINAL'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const isMinutesStatus = guard(MINUTES_STATUSES);
export const MINUTES_STATUS_LABELS: Record<MinutesStatus, Label> = {
  DRAFT: { ja: '下書き', en: 'Draft' },
  FINAL: { ja: '確定', en: 'Final' },
};
