import type { Admission, MeetingStatus, Sector } from '@yoriai/domain';
import type { AgendaItemEntity } from './agenda-item.entity';
import type { MeetingPreview } from './meeting-join.service';
import type { MeetingEntity } from './meeting.entity';
import type { AgendaItemModel, AttendanceModel, MeetingModel, MeetingPreviewModel } from './meeting.model';
import type { AttendanceRow } from './meeting.service';

export const toMeetingModel = (m: MeetingEntity): MeetingModel => ({
  id: m.id,
  processId: m.processId,
  title: m.title,
  startsAt: m.startsAt,
  location: m.location,
  status: m.status as MeetingStatus,
  joinCode: m.joinCode,
  admission: m.admission as Admission,
  guestsPerDevice: m.guestsPerDevice,
  currentItemId: m.currentItemId,
  timerEndsAt: m.timerEndsAt,
  startedAt: m.startedAt,
  endedAt: m.endedAt,
  createdAt: m.createdAt,
});

export const toAgendaItemModel = (a: AgendaItemEntity): AgendaItemModel => ({
  id: a.id,
  meetingId: a.meetingId,
  position: a.position,
  title: a.title,
  pillarId: a.pillarId,
  proposalIds: a.proposalIds,
  plannedMinutes: a.plannedMinutes,
});

export const toAttendanceModel = (a: AttendanceRow): AttendanceModel => ({ admission: 'ADMITTED', ...a, sector: a.sector as Sector });

export const toPreviewModel = (p: MeetingPreview): MeetingPreviewModel => ({
  meetingId: p.meeting.id,
  processId: p.meeting.processId,
  title: p.meeting.title,
  processTitle: p.processTitle,
  status: p.meeting.status as MeetingStatus,
  location: p.meeting.location,
  startsAt: p.meeting.startsAt,
  admission: p.meeting.admission as Admission,
});
