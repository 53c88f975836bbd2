/**
 * Creates the demo workshop of 架空の「みなと川市」 through the public GraphQL API only.
 *
 * One implementation for two callers: the web app's first-run button (same origin) and
 * `npm run demo` (tools/demo.mjs, which transpiles this file and demo-content.ts for Node).
 * That is why it uses nothing but `fetch` and plain query strings: it must not depend on the
 * browser, on Apollo or on the generated client (apps/web/src/gql), which Node cannot load.
 */
import { reviewAgendaItem, seedDelivery } from './demo-delivery.ts';
import { seedThemeComments } from './demo-themes.ts';
import { DEMO_DECIDED, DEMO_GUESTS, DEMO_MEETING, DEMO_PAST_MEETING, DEMO_PEOPLE, DEMO_PROCESS, DEMO_PROPOSALS, type DemoComment } from './demo-content.ts';

export interface DemoOptions {
  /** API origin, e.g. http://localhost:3000; '' for the page's own origin. */
  baseUrl: string;
  /** Progress lines for a terminal or an aria-live region. */
  onProgress?: (step: DemoStep, done: number, total: number) => void;
}

export type DemoStep = 'accounts' | 'process' | 'members' | 'proposals' | 'comments' | 'decision' | 'delivery' | 'meeting' | 'guests' | 'done';

export interface DemoCredentials {
  role: string;
  name: string;
  email: string;
  password: string;
}

export interface DemoResult {
  processId: string;
  processTitle: string;
  meetingId: string;
  joinCode: string;
  decidedProposalId: string;
  recordId: string;
  votingProposalId: string;
  /** 横展開: the second process that imported the decision as a template, and the template. */
  secondProcessId: string;
  templateProposalId: string;
  /** Organiser first: the browser signs in with it. */
  credentials: DemoCredentials[];
}

export class DemoSeedError extends Error {
  override name = 'DemoSeedError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface GqlResponse<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

async function gql<T>(baseUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    // 'omit': in the browser the seed's many sign-ups must not replace the visitor's own session.
    credentials: 'omit',
    headers: { 'content-type': 'application/json', 'accept-language': 'ja', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  let body: GqlResponse<T>;
  try {
    body = (await res.json()) as GqlResponse<T>;
  } catch {
    throw new DemoSeedError(`HTTP ${res.status} from ${baseUrl || 'the server'}/graphql`, 'NETWORK');
  }
  const first = body.errors?.[0];
  if (first || !body.data) {
    throw new DemoSeedError(first?.message ?? `HTTP ${res.status}`, first?.extensions?.code);
  }
  return body.data;
}

const SIGN_UP = `mutation DemoSignUp($input: SignUpInput!) { signUp(input: $input) { token participant { id } } }`;
const CREATE_PROCESS = `mutation DemoCreateProcess($input: CreateProcessInput!) { createProcess(input: $input) { id title pillars { id position } } }`;
const INVITE = `mutation DemoInvite($input: InviteMemberInput!) { inviteMember(input: $input) }`;
const MY_INVITATIONS = `query DemoMyInvitations { myInvitations { id processId } }`;
const ACCEPT = `mutation DemoAccept($id: ID!) { acceptInvitation(invitationId: $id) { id } }`;
const CREATE_PROPOSAL = `mutation DemoCreateProposal($input: CreateProposalInput!) { createProposal(input: $input) { id } }`;
const ADD_COMMENT = `mutation DemoAddComment($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const OPEN_VOTING = `mutation DemoOpenVoting($input: OpenVotingInput!) { openVoting(input: $input) { id } }`;
const CAST_VOTE = `mutation DemoCastVote($input: CastVoteInput!) { castVote(input: $input) { id } }`;
const CLOSE_VOTING = `mutation DemoCloseVoting($proposalId: ID!) { closeVoting(proposalId: $proposalId) { id outcome dissent { id kind } } }`;
const ADD_ACTION = `mutation DemoAddActionItem($input: AddActionItemInput!) { addActionItem(input: $input) { id } }`;
const RESPOND = `mutation DemoRespond($input: RespondToDissentInput!) { respondToDissent(input: $input) { id } }`;
const CREATE_MEETING = `mutation DemoCreateMeeting($input: CreateMeetingInput!) { createMeeting(input: $input) { id agenda { id position } } }`;
const START_MEETING = `mutation DemoStartMeeting($id: ID!) { startMeeting(meetingId: $id) { id joinCode } }`;
const SET_ITEM = `mutation DemoSetItem($id: ID!, $item: ID!) { setCurrentAgendaItem(meetingId: $id, itemId: $item) { id } }`;
const START_TIMER = `mutation DemoTimer($id: ID!, $minutes: Int!) { startTimer(meetingId: $id, minutes: $minutes) { id } }`;
const END_MEETING = `mutation DemoEndMeeting($id: ID!) { endMeeting(meetingId: $id) { id } }`;
const SUMMARY = `mutation DemoSummary($id: ID!, $summary: String!) { updateMinutesSummary(meetingId: $id, summary: $summary) { id } }`;
const JOIN = `mutation DemoJoin($input: JoinMeetingInput!) { joinMeeting(input: $input) { token participant { id } } }`;

/** Unguessable per run: demo accounts are real accounts on the server. */
function randomToken(length: number): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet.charAt(b % alphabet.length)).join('');
}

function requestId(run: string, key: string): string {
  return `demo-${run}-${key}`.slice(0, 64);
}

export async function createDemo(options: DemoOptions): Promise<DemoResult> {
  const { baseUrl } = options;
  const total = 9;
  let done = 0;
  const progress = (step: DemoStep) => options.onProgress?.(step, done++, total);
  const run = randomToken(6);
  const password = `minato-${randomToken(12)}`;
  const call = <T>(query: string, variables: Record<string, unknown>, token?: string) => gql<T>(baseUrl, query, variables, token);

  // 1. Accounts (one per person; the organiser first).
  progress('accounts');
  const people = new Map<string, { token: string; id: string; email: string }>();
  for (const person of DEMO_PEOPLE) {
    const email = `${person.key}.${run}@demo.minatogawa.example`;
    const r = await call<{ signUp: { token: string; participant: { id: string } } }>(SIGN_UP, {
      input: { email, password, displayName: person.name, organization: person.organization, locale: 'ja' },
    });
    people.set(person.key, { token: r.signUp.token, id: r.signUp.participant.id, email });
  }
  const who = (key: string) => {
    const p = people.get(key);
    if (!p) throw new DemoSeedError(`unknown demo person ${key}`, 'BAD_DEMO_DATA');
    return p;
  };
  const organizer = who('organizer');

  /** Every member with an account checks in at a meeting (attendance per sector). */
  const attend = async (code: string) => {
    for (const person of DEMO_PEOPLE) {
      await call(JOIN, { input: { code, displayName: person.name, sector: person.sector, organization: person.organization } }, who(person.key).token);
    }
  };

  // 2. The process, with the five default pillars of 地方創生2.0.
  progress('process');
  const created = await call<{ createProcess: { id: string; title: string; pillars: { id: string; position: number }[] } }>(
    CREATE_PROCESS,
    { input: { title: DEMO_PROCESS.title, description: DEMO_PROCESS.description, defaultRule: 'CROSS_SECTOR', sector: 'GOVERNMENT' } },
    organizer.token,
  );
  const processId = created.createProcess.id;
  const pillarAt = (position: number) => {
    const pillar = created.createProcess.pillars.find((p) => p.position === position);
    if (!pillar) throw new DemoSeedError(`pillar ${position} missing`, 'BAD_DEMO_DATA');
    return pillar.id;
  };

  // 3. Members from all seven sectors.
  progress('members');
  for (const person of DEMO_PEOPLE) {
    if (person.key === 'organizer') continue;
    // Invited by e-mail, and each person accepts (nobody is added to a process without saying yes).
    await call(INVITE, { input: { processId, email: who(person.key).email, role: person.role, sector: person.sector, organization: person.organization } }, organizer.token);
    const { myInvitations } = await call<{ myInvitations: { id: string; processId: string }[] }>(MY_INVITATIONS, {}, who(person.key).token);
    const invitation = myInvitations.find((i) => i.processId === processId);
    if (!invitation) throw new DemoSeedError(`no invitation for ${person.key}`, 'NOT_FOUND');
    await call(ACCEPT, { id: invitation.id }, who(person.key).token);
  }

  // 4. Proposals in every pillar, with KPIs.
  progress('proposals');
  const proposals = new Map<string, string>();
  for (const p of DEMO_PROPOSALS) {
    const r = await call<{ createProposal: { id: string } }>(
      CREATE_PROPOSAL,
      { input: { processId, pillarId: pillarAt(p.pillar), title: p.title, body: p.body, kpis: p.kpis, clientRequestId: requestId(run, p.key) } },
      who(p.by).token,
    );
    proposals.set(p.key, r.createProposal.id);
  }
  const proposal = (key: string) => {
    const id = proposals.get(key);
    if (!id) throw new DemoSeedError(`unknown demo proposal ${key}`, 'BAD_DEMO_DATA');
    return id;
  };

  // 5. Threaded comments (replies after the comments they answer).
  progress('comments');
  const comments = new Map<string, string>();
  const addComment = async (proposalId: string, c: DemoComment, token: string) => {
    const parentId = c.replyTo ? comments.get(c.replyTo) : undefined;
    const r = await call<{ addComment: { id: string } }>(
      ADD_COMMENT,
      { input: { proposalId, parentId: parentId ?? null, stance: c.stance, body: c.body, clientRequestId: requestId(run, c.key) } },
      token,
    );
    comments.set(c.key, r.addComment.id);
  };
  for (const p of DEMO_PROPOSALS) {
    for (const c of p.comments) await addComment(proposal(p.key), c, who(c.by).token);
  }

  // 6. The previous workshop: members attend, one proposal is decided by 産官学金労言合意, the
  //    meeting ends (its minutes draft is built) and the secretariat writes the summary.
  progress('decision');
  const facilitator = who('facilitator');
  const secretariat = who('secretariat');
  const decidedId = proposal(DEMO_DECIDED.proposal);
  const decidedPillar = DEMO_PROPOSALS.find((p) => p.key === DEMO_DECIDED.proposal)?.pillar ?? 5;
  const past = await call<{ createMeeting: { id: string; agenda: { id: string; position: number }[] } }>(
    CREATE_MEETING,
    {
      input: {
        processId,
        title: DEMO_PAST_MEETING.title,
        location: DEMO_PAST_MEETING.location,
        agenda: [{ title: DEMO_PAST_MEETING.agendaTitle, pillarId: pillarAt(decidedPillar), proposalIds: [decidedId], plannedMinutes: 40 }],
      },
    },
    facilitator.token,
  );
  const pastId = past.createMeeting.id;
  const pastCode = (await call<{ startMeeting: { joinCode: string | null } }>(START_MEETING, { id: pastId }, facilitator.token)).startMeeting.joinCode;
  if (!pastCode) throw new DemoSeedError('the started meeting has no join code', 'BAD_DEMO_DATA');
  await attend(pastCode);
  const pastItem = past.createMeeting.agenda[0];
  if (pastItem) await call(SET_ITEM, { id: pastId, item: pastItem.id }, facilitator.token);
  await call(OPEN_VOTING, { input: { proposalId: decidedId, rule: 'CROSS_SECTOR', ballot: 'OPEN' } }, facilitator.token);
  for (const v of DEMO_DECIDED.votes) {
    await call(CAST_VOTE, { input: { proposalId: decidedId, choice: v.choice, reason: v.reason, clientRequestId: requestId(run, `vote-${v.by}`) } }, who(v.by).token);
  }
  const closed = await call<{ closeVoting: { id: string; outcome: string; dissent: { id: string; kind: string }[] } }>(CLOSE_VOTING, { proposalId: decidedId }, facilitator.token);
  const recordId = closed.closeVoting.id;
  for (const item of DEMO_DECIDED.actionItems) {
    await call(ADD_ACTION, { input: { recordId, ...item } }, secretariat.token);
  }
  const voteDissent = closed.closeVoting.dissent.find((d) => d.kind === 'VOTE');
  if (voteDissent) {
    await call(RESPOND, { input: { recordId, dissentId: voteDissent.id, response: DEMO_DECIDED.dissentResponse } }, secretariat.token);
  }
  await call(END_MEETING, { id: pastId }, facilitator.token);
  await call(SUMMARY, { id: pastId, summary: DEMO_PAST_MEETING.summary }, secretariat.token);

  // 6b. A year of delivery: KPIs measured, roadmap moved, a revised plan re-voted, 横展開 (demo-delivery.ts).
  progress('delivery');
  const delivery = await seedDelivery({
    baseUrl,
    call,
    processId,
    recordId,
    decidedProposalId: decidedId,
    organizerToken: organizer.token,
    secretariatToken: secretariat.token,
    facilitatorToken: facilitator.token,
    voterTokens: DEMO_DECIDED.votes.map((v) => who(v.by).token),
  });
  const review = await reviewAgendaItem(call, processId, facilitator.token);

  // 7. The live workshop: agenda per pillar, started, on the digital item, with voting open.
  progress('meeting');
  const meeting = await call<{ createMeeting: { id: string; agenda: { id: string; position: number }[] } }>(
    CREATE_MEETING,
    {
      input: {
        processId,
        title: DEMO_MEETING.title,
        location: DEMO_MEETING.location,
        startsAt: new Date().toISOString(),
        agenda: [
          ...(review ? [review] : []),
          ...DEMO_MEETING.agenda.map((a) => ({ title: a.title, pillarId: pillarAt(a.pillar), proposalIds: a.proposals.map(proposal), plannedMinutes: a.plannedMinutes })),
        ],
      },
    },
    facilitator.token,
  );
  const meetingId = meeting.createMeeting.id;
  const started = await call<{ startMeeting: { id: string; joinCode: string | null } }>(START_MEETING, { id: meetingId }, facilitator.token);
  const joinCode = started.startMeeting.joinCode;
  if (!joinCode) throw new DemoSeedError('the started meeting has no join code', 'BAD_DEMO_DATA');
  await attend(joinCode);
  const items = [...meeting.createMeeting.agenda].sort((a, b) => a.position - b.position);
  const current = items[DEMO_MEETING.currentItem + (review ? 1 : 0)];
  if (current) await call(SET_ITEM, { id: meetingId, item: current.id }, facilitator.token);
  const votingId = proposal(DEMO_MEETING.votingProposal);
  await call(OPEN_VOTING, { input: { proposalId: votingId, rule: 'CROSS_SECTOR', ballot: 'OPEN' } }, facilitator.token);
  for (const v of DEMO_MEETING.liveVotes) {
    await call(CAST_VOTE, { input: { proposalId: votingId, choice: v.choice, reason: v.reason, clientRequestId: requestId(run, `live-${v.by}`) } }, who(v.by).token);
  }
  await call(START_TIMER, { id: meetingId, minutes: 20 }, facilitator.token);

  // 8. Residents join with the code as guests, comment and vote.
  progress('guests');
  const guests = new Map<string, string>();
  for (const g of DEMO_GUESTS) {
    const r = await call<{ joinMeeting: { token: string } }>(JOIN, { input: { code: joinCode, displayName: g.name, sector: g.sector, organization: g.organization } });
    guests.set(g.key, r.joinMeeting.token);
  }
  const guestToken = (key: string) => {
    const t = guests.get(key);
    if (!t) throw new DemoSeedError(`unknown demo guest ${key}`, 'BAD_DEMO_DATA');
    return t;
  };
  for (const c of DEMO_MEETING.guestComments) await addComment(proposal(c.proposal), c, guestToken(c.by));
  // Enough comments from every sector for themes (広聴) on the console, projector, analytics and minutes.
  await seedThemeComments({
    join: async (g) => (await call<{ joinMeeting: { token: string } }>(JOIN, { input: { code: joinCode, displayName: g.name, sector: g.sector, organization: g.organization } })).joinMeeting.token,
    comment: (key, stance, body, token, id) => addComment(proposal(key), { key: id, by: '', stance, body }, token),
  });
  for (const v of DEMO_MEETING.guestVotes) {
    await call(CAST_VOTE, { input: { proposalId: votingId, choice: v.choice, reason: v.reason, clientRequestId: requestId(run, `guest-${v.by}`) } }, guestToken(v.by));
  }

  progress('done');
  const credentials = ['organizer', 'facilitator', 'secretariat'].map((key) => {
    const person = DEMO_PEOPLE.find((p) => p.key === key);
    return { role: person?.role ?? key, name: person?.name ?? key, email: who(key).email, password };
  });
  return {
    processId,
    processTitle: created.createProcess.title,
    meetingId,
    joinCode,
    decidedProposalId: decidedId,
    recordId,
    votingProposalId: votingId,
    secondProcessId: delivery.secondProcessId,
    templateProposalId: delivery.templateProposalId,
    credentials,
  };
}
