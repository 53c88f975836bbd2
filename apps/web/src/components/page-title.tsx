import { useEffect } from 'react';

/** Sets the tab title ("… — 寄合 Yoriai"), which screen readers announce on navigation. */
export function PageTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title ? `${title} — 寄合 Yoriai` : '寄合 Yoriai';
  }, [title]);
  return null;
}
