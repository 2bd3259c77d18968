import type { ReactNode } from 'react';
import { DataProvider } from './data/provider';
import { mountFrame } from './mount-frame';

/** Renders a surface with its query cache (see mountFrame for the theme and the first paint). */
export function mount(app: ReactNode): void {
  mountFrame(<DataProvider>{app}</DataProvider>);
}
