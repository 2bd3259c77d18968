import SectionMessage from '@atlaskit/section-message';
import type { ReactNode } from 'react';
import type { ApiError } from '../../../src/domain/api';
import { ERROR_TITLE } from './labels';

/** An ADS section message for an error value; `title` overrides the code's default title. */
export function ErrorSectionMessage({ error, title, children }: { error: ApiError; title?: string; children?: ReactNode }) {
  const heading = title ?? ERROR_TITLE[error.code] ?? ERROR_TITLE.UPSTREAM;
  const appearance = error.code === 'CONFLICT' || error.code === 'LIMIT' ? 'warning' : 'error';
  return (
    <SectionMessage appearance={appearance} title={heading} testId="error-message">
      {error.message && error.message !== heading ? <p>{error.message}</p> : null}
      {children}
    </SectionMessage>
  );
}
