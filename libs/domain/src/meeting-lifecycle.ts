import type { MeetingStatus } from './enums';

/** SCHEDULED → LIVE → ENDED; an ended meeting is not restarted (its minutes are built from it). */
export const MEETING_TRANSITIONS: Readonly<Record<MeetingStatus, ReadonlyArray<MeetingStatus>>> = {
  SCHEDULED: ['LIVE'],
  LIVE: ['ENDED'],
  ENDED: [],
};

export function canTransitionMeeting(from: MeetingStatus, to: MeetingStatus): boolean {
  return MEETING_TRANSITIONS[from]?.includes(to) ?? false;
}
