import { QueryClientProvider } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { createQueryClient } from '../shared/data/query-client';
import { LinkEpicForm } from './LinkEpicForm';
import { UnlinkForm } from './UnlinkForm';

/*
 * The panel's forms chunk: link and unlink on the shared form machinery (react-hook-form, the resolvers' zod schemas,
 * the data layer's sendWrite on TanStack Query). The panel loads it once it shows something to edit (forms-loader.ts),
 * so its first paint carries none of it. The forms' writes go through this cache; what they change in the panel
 * goes to the panel's own store (link-model.ts showEpicAnswer).
 */
const client = createQueryClient();

export function LinkEpicFormChunk(props: ComponentProps<typeof LinkEpicForm>) {
  return (
    <QueryClientProvider client={client}>
      <LinkEpicForm {...props} />
    </QueryClientProvider>
  );
}

export function UnlinkFormChunk(props: ComponentProps<typeof UnlinkForm>) {
  return (
    <QueryClientProvider client={client}>
      <UnlinkForm {...props} />
    </QueryClientProvider>
  );
}
