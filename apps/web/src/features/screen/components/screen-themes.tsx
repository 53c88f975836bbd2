import { ThemesPanel } from '../../../components/themes/themes-panel';
import { useLiveThemes } from '../../../components/themes/use-live-themes';

/** 「いま出ている論点」 on the projector: the biggest themes, live. */
export function ScreenThemes({ meetingId }: { meetingId: string }) {
  const { themes, comments } = useLiveThemes(meetingId);
  return (
    <section className="screen-themes">
      <ThemesPanel themes={themes} comments={comments} variant="screen" />
    </section>
  );
}
