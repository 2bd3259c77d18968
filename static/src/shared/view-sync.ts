import { createContext, useContext } from 'react';
import type { RoadmapView } from '../../../src/domain/api';

/**
 * How a form hands the page a view it fetched itself (after a CONFLICT), so the page and the form show the same,
 * newest revision without a second fetch. Provided by the project page; absent elsewhere.
 */
export interface ViewSync {
  showView: (view: RoadmapView) => void;
}

export const ViewSyncContext = createContext<ViewSync | null>(null);

export const useViewSync = () => useContext(ViewSyncContext);
