import { In, type EntityManager } from 'typeorm';
import { AgendaItemEntity } from '../meeting/agenda-item.entity';
import { MeetingEntity } from '../meeting/meeting.entity';
import { PillarEntity } from '../process/pillar.entity';
import { ProcessEntity } from '../process/process.entity';
import { ProposalEntity } from '../proposal/proposal.entity';
import { ActionItemEntity } from '../record/action-item.entity';
import { ConsensusRecordEntity } from '../record/consensus-record.entity';
import { DissentResponseEntity } from '../record/dissent-response.entity';
import { VotingRoundEntity } from '../voting/voting-round.entity';
import { MinutesEntity } from './minutes.entity';

/** A person as the minutes name them: the organisation they represent in this process first. */
export interface PersonRow {
  participantId: string;
  name: string;
  organization: string | null;
  sector: string | null;
  kind: string;
}

export interface AttendanceRow extends PersonRow {
  joinedAt: Date;
}

export interface CommentRow {
  id: string;
  proposalId: string;
  parentId: string | null;
  sector: string;
  stance: string;
  body: string;
  createdAt: Date;
  hidden: boolean;
  author: string;
  organization: string | null;
}

export interface VersionRow {
  proposalId: string;
  version: number;
  title: string;
  kpis: unknown;
  contentHash: string;
}

/** Everything the minutes of one meeting are made of, read in a fixed number of queries. */
export interface MinutesSource {
  meeting: MeetingEntity;
  process: ProcessEntity;
  minutes: MinutesEntity | null;
  agenda: AgendaItemEntity[];
  /**
   * Proposals not on the agenda on which something happened while the meeting ran (a vote opened or
   * closed, a comment written): 「その他（議題外）」, in the order they were first touched.
   */
  offAgendaIds: string[];
  pillars: PillarEntity[];
  proposals: ProposalEntity[];
  /** Per proposal: the version current when the meeting ended (or now, while it runs). */
  versions: VersionRow[];
  attendance: AttendanceRow[];
  organizers: PersonRow[];
  /** Comments on the agenda's proposals written during the meeting, hidden ones included (to count them). */
  comments: CommentRow[];
  /** Visible comments written before the meeting started, per proposal. */
  earlierComments: Map<string, number>;
  /** Every record of the process in seq order (the whole chain is verified). */
  records: ConsensusRecordEntity[];
  rounds: VotingRoundEntity[];
  responses: DissentResponseEntity[];
  actionItems: ActionItemEntity[];
  /** Facilitator, proposal authors, responders and the finaliser, by participant id. */
  people: Map<string, PersonRow>;
}

const PERSON_SQL = `
  SELECT p.id AS "participantId", p.display_name AS name, COALESCE(m.organization, p.organization) AS organization,
         m.sector AS sector, p.kind AS kind`;

/**
 * Reads the minutes' data with one query per table (never one per row), so the minutes of a
 * 300-person meeting with thousands of comments cost the same dozen round trips as a small one.
 * Pass a transaction's manager to read a consistent snapshot.
 */
export async function loadMinutesSource(em: EntityManager, meetingId: string, extraPeople: string[] = []): Promise<MinutesSource | null> {
  // Sequential on purpose: inside a transaction every query shares one connection anyway.
  const meeting = await em.findOne(MeetingEntity, { where: { id: meetingId } });
  if (!meeting) return null;
  const processId = meeting.processId;
  const process = await em.findOneOrFail(ProcessEntity, { where: { id: processId } });
  const minutes = await em.findOne(MinutesEntity, { where: { meetingId } });
  const agenda = await em.find(AgendaItemEntity, { where: { meetingId }, order: { position: 'ASC' } });
  const pillars = await em.find(PillarEntity, { where: { processId } });
  const agendaIds = [...new Set(agenda.flatMap((a) => a.proposalIds))];
  const cutoff = meeting.endedAt ?? new Date();
  const windowStart = meeting.startedAt;
  // Every decision of the meeting, not only the agenda's: votes opened or closed and comments written
  // while it ran on other proposals of the process go into 「その他（議題外）」.
  const touched: { proposalId: string }[] = windowStart
    ? await em.query(
        `SELECT proposal_id AS "proposalId" FROM (
           SELECT proposal_id, opened_at AS at FROM voting_round WHERE process_id = $1 AND opened_at BETWEEN $2 AND $3
           UNION ALL SELECT proposal_id, closed_at FROM voting_round WHERE process_id = $1 AND closed_at BETWEEN $2 AND $3
           UNION ALL SELECT c.proposal_id, c.created_at FROM comment c JOIN proposal p ON p.id = c.proposal_id
                      WHERE p.process_id = $1 AND c.created_at BETWEEN $2 AND $3 AND c.hidden_at IS NULL
         ) t WHERE NOT (proposal_id = ANY($4)) GROUP BY proposal_id ORDER BY min(at), proposal_id`,
        [processId, windowStart, cutoff, agendaIds],
      )
    : [];
  const offAgendaIds = touched.map((t) => t.proposalId);
  const proposalIds = [...agendaIds, ...offAgendaIds];
  const onAgenda = proposalIds.length > 0;

  const proposals = onAgenda ? await em.find(ProposalEntity, { where: { id: In(proposalIds), processId } }) : [];
  const versions: VersionRow[] = onAgenda
    ? await em.query(
        `SELECT DISTINCT ON (proposal_id) proposal_id AS "proposalId", version, title, kpis, content_hash AS "contentHash"
           FROM proposal_version WHERE proposal_id = ANY($1) AND created_at <= $2
          ORDER BY proposal_id, version DESC`,
        [proposalIds, cutoff],
      )
    : [];
  const attendance: AttendanceRow[] = await em.query(
    `${PERSON_SQL.replace('m.sector AS sector', 'a.sector AS sector')}, a.joined_at AS "joinedAt"
       FROM attendance a JOIN participant p ON p.id = a.participant_id
       LEFT JOIN membership m ON m.process_id = $2 AND m.participant_id = a.participant_id
      WHERE a.meeting_id = $1 ORDER BY a.joined_at, p.id`,
    [meetingId, processId],
  );
  const organizers: PersonRow[] = await em.query(
    `${PERSON_SQL} FROM membership m JOIN participant p ON p.id = m.participant_id
      WHERE m.process_id = $1 AND m.role = 'ORGANIZER' ORDER BY m.created_at, p.id`,
    [processId],
  );
  // The discussion of this meeting: comments written while it ran (hidden ones only to count them).
  const comments: CommentRow[] =
    onAgenda && windowStart
      ? await em.query(
          `SELECT c.id, c.proposal_id AS "proposalId", c.parent_id AS "parentId", c.sector, c.stance, c.body,
                  c.created_at AS "createdAt", (c.hidden_at IS NOT NULL) AS hidden,
                  p.display_name AS author, COALESCE(m.organization, p.organization) AS organization
             FROM comment c JOIN participant p ON p.id = c.author_id
             LEFT JOIN membership m ON m.process_id = $2 AND m.participant_id = c.author_id
            WHERE c.proposal_id = ANY($1) AND c.created_at >= $3 AND c.created_at <= $4
            ORDER BY c.created_at, c.id`,
          [proposalIds, processId, windowStart, cutoff],
        )
      : [];
  const earlier: { proposalId: string; n: number }[] = onAgenda
    ? await em.query(
        `SELECT proposal_id AS "proposalId", count(*)::int AS n FROM comment
          WHERE proposal_id = ANY($1) AND hidden_at IS NULL AND created_at < $2 GROUP BY proposal_id`,
        [proposalIds, windowStart ?? cutoff],
      )
    : [];
  // The whole chain: the minutes' footer verifies it, not only this meeting's records.
  const records = await em.find(ConsensusRecordEntity, { where: { processId }, order: { seq: 'ASC' } });

  const proposalSet = new Set(proposalIds);
  const agendaRecords = records.filter((r) => proposalSet.has(r.proposalId));
  const agendaRecordIds = agendaRecords.map((r) => r.id);
  const rounds = agendaRecords.length ? await em.find(VotingRoundEntity, { where: { id: In([...new Set(agendaRecords.map((r) => r.roundId))]) } }) : [];
  const responses = agendaRecords.length ? await em.find(DissentResponseEntity, { where: { recordId: In(agendaRecordIds) }, order: { respondedAt: 'ASC' } }) : [];
  const actionItems = agendaRecords.length ? await em.find(ActionItemEntity, { where: { recordId: In(agendaRecordIds) }, order: { createdAt: 'ASC', id: 'ASC' } }) : [];

  const personIds = new Set<string>();
  const add = (id: unknown) => typeof id === 'string' && personIds.add(id);
  add(meeting.facilitatorId);
  add(minutes?.finalizedById);
  extraPeople.forEach(add);
  proposals.forEach((p) => add(p.authorId));
  responses.forEach((r) => add(r.respondedById));
  const people: PersonRow[] = personIds.size
    ? await em.query(
        `${PERSON_SQL} FROM participant p LEFT JOIN membership m ON m.process_id = $2 AND m.participant_id = p.id WHERE p.id = ANY($1)`,
        [[...personIds], processId],
      )
    : [];

  return {
    meeting,
    process,
    minutes,
    agenda,
    offAgendaIds,
    pillars,
    proposals,
    versions,
    attendance,
    organizers,
    comments,
    earlierComments: new Map(earlier.map((e) => [e.proposalId, e.n])),
    records,
    rounds,
    responses,
    actionItems,
    people: new Map(people.map((p) => [p.participantId, p])),
  };
}
