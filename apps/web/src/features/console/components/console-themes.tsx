import { ThemesPanel } from '../../../components/themes/themes-panel';
import { useLiveThemes } from '../../../components/themes/use-live-themes';
import { useThemeEditing } from '../../../components/themes/use-theme-editing';

/** 「いま出ている論点」 on the console, with the facilitator's rename and merge. */
export function ConsoleThemes({ meetingId }: { meetingId: string }) {
  const { themes, comments, refetch } = useLiveThemes(meetingId);
  const editing = useThemeEditing(refetch);
  return (
    <div className="card">
      <ThemesPanel themes={themes} comments={comments} variant="console" editing={editing} />
    </div>
  );
}
