import type { Sector } from '@yoriai/domain';
import { GqlClient, type GqlResponse } from './graphql-client';
import type { TestProcess } from './process-factories';

export const MEETING_FIELDS = `id processId title startsAt location status joinCode currentItemId timerEndsAt startedAt endedAt
  agenda { id position title pillarId proposalIds plannedMinutes }
  currentItem { id title }
  attendanceCount attendanceBySector { sector count }`;

export interface TestAgendaItem {
  id: string;
  position: number;
  title: string;
  pillarId: string | null;
  proposalIds: string[];
  plannedMinutes: number | null;
}

export interface TestMeeting {
  id: string;
  processId: string;
  title: string;
  startsAt: string | null;
  location: string | null;
  status: 'SCHEDULED' | 'LIVE' | 'ENDED';
  joinCode: string | null;
  currentItemId: string | null;
  timerEndsAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  agenda: TestAgendaItem[];
  currentItem: { id: string; title: string } | null;
  attendanceCount: number;
  attendanceBySector: { sector: Sector; count: number }[];
}

export const CREATE_MEETING = `mutation($i: CreateMeetingInput!) { createMeeting(input: $i) { ${MEETING_FIELDS} } }`;
export const MEETING = `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`;
export const START_MEETING = `mutation($id: ID!) { startMeeting(meetingId: $id) { ${MEETING_FIELDS} } }`;
export const END_MEETING = `mutation($id: ID!) { endMeeting(meetingId: $id) { ${MEETING_FIELDS} } }`;
export const SET_CURRENT_ITEM = `mutation($id: ID!, $item: ID!) { setCurrentAgendaItem(meetingId: $id, itemId: $item) { ${MEETING_FIELDS} } }`;
export const START_TIMER = `mutation($id: ID!, $m: Int!) { startTimer(meetingId: $id, minutes: $m) { ${MEETING_FIELDS} } }`;
export const STOP_TIMER = `mutation($id: ID!) { stopTimer(meetingId: $id) { ${MEETING_FIELDS} } }`;
export const MEETING_PREVIEW = 'query($code: String!) { meetingByJoinCode(code: $code) { meetingId processId title processTitle status location startsAt } }';
export const JOIN_MEETING = 'mutation($i: JoinMeetingInput!) { joinMeeting(input: $i) { token admission participant { id displayName kind organization } } }';

export interface MeetingOverrides {
  title?: string;
  startsAt?: string | null;
  location?: string | null;
  agenda?: { title: string; pillarId?: string | null; proposalIds?: string[]; plannedMinutes?: number | null }[];
  clientRequestId?: string;
}

/** A scheduled meeting of the process, created by its organiser through createMeeting. */
export async function newMeeting(process: TestProcess, overrides: MeetingOverrides = {}, client: GqlClient = process.organizer.client): Promise<TestMeeting> {
  const input = {
    processId: process.id,
    title: '第3回 地域ビジョンワークショップ',
    startsAt: '2026-07-04T05:00:00.000Z',
    location: '北秋田市民ふれあいプラザ コムコム 2階',
    agenda: [
      { title: '開会・趣旨説明', plannedMinutes: 10 },
      { title: '① 安心して働き、暮らせる地方の生活環境', pillarId: process.pillarIds[0], plannedMinutes: 40 },
    ],
    ...overrides,
  };
  return (await client.ok<{ createMeeting: TestMeeting }>(CREATE_MEETING, { i: input })).createMeeting;
}

/** A meeting that is LIVE, with its join code. */
export async function liveMeeting(process: TestProcess, overrides: MeetingOverrides = {}): Promise<TestMeeting & { joinCode: string }> {
  const meeting = await newMeeting(process, overrides);
  const started = (await process.organizer.client.ok<{ startMeeting: TestMeeting }>(START_MEETING, { id: meeting.id })).startMeeting;
  if (!started.joinCode) throw new Error('startMeeting returned no join code');
  return started as TestMeeting & { joinCode: string };
}

export interface GuestDetails {
  displayName?: string;
  sector?: Sector;
  organization?: string | null;
  clientRequestId?: string;
  anotherPerson?: boolean;
  joinToken?: string;
}

/**
 * One browser: keeps the signed `yoriai_device` cookie (and the session cookie) the server sets, as
 * a phone in the hall would, and sends them with every request from one client address.
 */
export class TestDevice {
  constructor(
    readonly baseUrl: string,
    readonly address: string = uniqueAddress(),
    private readonly cookies = new Map<string, string>(),
  ) {}

  /** The same browser talking to another node (same cookies, same address). */
  via(baseUrl: string): TestDevice {
    return new TestDevice(baseUrl, this.address, this.cookies);
  }

  get deviceCookie(): string | undefined {
    return this.cookies.get('yoriai_device');
  }

  /** Forgets the session (as after signing out), keeping the device cookie. */
  dropSession(): void {
    this.cookies.delete('yoriai_session');
  }

  async raw<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': this.address, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = (pair as string).indexOf('=');
      const name = (pair as string).slice(0, eq);
      const value = (pair as string).slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const body = (await res.json()) as { data?: T; errors?: GqlResponse<T>['errors'] };
    return { status: res.status, data: body.data ?? undefined, errors: body.errors };
  }

  join(code: string, details: GuestDetails = {}): Promise<GqlResponse<{ joinMeeting: Omit<JoinedGuest, 'client'> & { admission: string | null } }>> {
    return this.raw(JOIN_MEETING, { i: { code, displayName: '参加 花子', sector: 'CITIZEN', ...details } });
  }
}

export interface JoinedGuest {
  token: string;
  participant: { id: string; displayName: string; kind: string; organization: string | null };
  client: GqlClient;
}

/** Sends joinMeeting (as `client`, e.g. anonymous or signed in) from the given client address (X-Forwarded-For). */
export function sendJoin(client: GqlClient, code: string, details: GuestDetails = {}, address?: string): Promise<GqlResponse<{ joinMeeting: Omit<JoinedGuest, 'client'> }>> {
  const input = { code, displayName: '参加 花子', sector: 'CITIZEN', ...details };
  return client.raw<{ joinMeeting: Omit<JoinedGuest, 'client'> }>(JOIN_MEETING, { i: input }, address ? { 'x-forwarded-for': address } : {});
}

/** Joins as a guest; throws with the errors if refused. */
export async function joinAsGuest(base: GqlClient, code: string, details: GuestDetails = {}, address?: string): Promise<JoinedGuest> {
  const res = await sendJoin(base, code, details, address);
  if (res.errors?.length || !res.data) throw new Error(`joinMeeting failed: ${JSON.stringify(res.errors)}`);
  const joined = res.data.joinMeeting;
  return { ...joined, client: base.withToken(joined.token) };
}

let addressCounter = 0;
/** A client address of its own (TEST-NET-3 plus a counter), so rate-limit tests never share one by accident. */
export function uniqueAddress(): string {
  addressCounter += 1;
  return `203.0.${113 + Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
}

const HALL_SECTORS: Sector[] = ['INDUSTRY', 'GOVERNMENT', 'ACADEMIA', 'FINANCE', 'LABOUR', 'MEDIA', 'CITIZEN'];

/** `n` guests (PARTICIPANT members, so they may vote) joining with the code, sectors in turn, 25 at a time. */
export async function joinHall(base: GqlClient, code: string, n: number, address = uniqueAddress()): Promise<JoinedGuest[]> {
  const guests: JoinedGuest[] = [];
  for (let i = 0; i < n; i += 25) {
    const batch = Array.from({ length: Math.min(25, n - i) }, (_, j) => joinAsGuest(base, code, { displayName: `会場参加者 ${i + j + 1}`, sector: HALL_SECTORS[(i + j) % HALL_SECTORS.length] }, address));
    guests.push(...(await Promise.all(batch)));
  }
  return guests;
}
