import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiError } from '../../lib/apollo';
import { MergeThemesMutation, RenameThemeMutation } from './api';
import type { ThemeEditing } from './themes-panel';

/** Rename and merge for the console; the panel follows the server's `themes.updated` afterwards. */
export function useThemeEditing(onEdited: () => void): ThemeEditing {
  const { t } = useTranslation();
  const [rename, renameState] = useMutation(RenameThemeMutation);
  const [merge, mergeState] = useMutation(MergeThemesMutation);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      onEdited();
    } catch (e) {
      const err = apiError(e);
      setError(err?.code === 'NETWORK' ? t('errors.network') : (err?.message ?? t('errors.network')));
    }
  };
  return {
    busy: renameState.loading || mergeState.loading,
    error,
    onRename: (themeId, label) => run(() => rename({ variables: { themeId, label } })),
    onMerge: (themeIds) => run(() => merge({ variables: { themeIds } })),
  };
}
