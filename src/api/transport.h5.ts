/** Browser transport: POST /api/arena on the self-hosted server, token as a Bearer header. */
import type { Transport } from './transport.types';
import { networkError } from './errors';

export const transport: Transport = async ({ action, data, token }) => {
  let res: Response;
  try {
    res = await fetch('/api/arena', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ action, data }),
    });
  } catch {
    throw networkError();
  }
  try {
    // Error statuses still carry the envelope; a proxy's HTML page does not.
    return (await res.json()) as unknown;
  } catch {
    throw networkError();
  }
};
