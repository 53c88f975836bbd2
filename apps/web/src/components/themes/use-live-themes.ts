import { useQuery } from '@apollo/client/react';
import { room, type ThemeSummary } from '@yoriai/realtime-contract';
import { useState } from 'react';
import { useLiveRoom } from '../../hooks/use-live-room';
import { MeetingThemesQuery } from './api';

export type ThemeView = Pick<ThemeSummary, 'id' | 'label' | 'renamed' | 'keyPhrases' | 'size' | 'sectors' | 'smallSectors' | 'silentSectors' | 'bridging' | 'divide' | 'trend'> & {
  stances: ReadonlyArray<{ stance: string; count: number }>;
};

/**
 * The live meeting's themes: GraphQL first (and again after a gap or reconnect), then every
 * `themes.updated` of the meeting room replaces the list — it always carries the whole list.
 */
export function useLiveThemes(meetingId: string | null): { themes: ThemeView[] | null; comments: number; refetch: () => void } {
  const { data, refetch } = useQuery(MeetingThemesQuery, { variables: { id: meetingId ?? '' }, skip: !meetingId });
  const [live, setLive] = useState<{ meetingId: string; comments: number; themes: ThemeView[] } | null>(null);
  const reload = () => {
    setLive(null);
    void refetch();
  };
  useLiveRoom(meetingId ? room.meeting(meetingId) : null, {
    resync: reload,
    'themes.updated': (e) => {
      if (meetingId && e.scope === `meeting:${meetingId}`) setLive({ meetingId, comments: e.comments, themes: e.themes });
    },
  });
  const fromQuery = data?.meeting?.themes ?? null;
  const themes = live && live.meetingId === meetingId ? live.themes : fromQuery;
  const comments = live && live.meetingId === meetingId ? live.comments : (fromQuery ?? []).reduce((n, t) => n + t.size, 0);
  return { themes, comments, refetch: reload };
}
