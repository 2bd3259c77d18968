import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DigestAnswer, MarkDigestSeenPayload } from '../../../../src/domain/digest-api';
import { call } from '../client';
import { DIGEST_QUERY_KEY } from './digest';
import { unwrap } from './query-client';

/** Records this viewer's visit (drift seen, banner dismissed); the answer is the digest as it now reads for them. */
export function useMarkDigestSeen() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (payload: MarkDigestSeenPayload) => unwrap(await call('markDigestSeen', payload)),
    onSuccess: (answer: DigestAnswer) => client.setQueryData(DIGEST_QUERY_KEY, answer),
  });
}
