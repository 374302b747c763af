/**
 * Who may talk to the review desk: the desk binds to loopback, and still refuses any request whose
 * Host is not its own (a DNS-rebinding page naming another host) and any request that changes
 * something unless its Origin (else its Referer) is the desk itself (no cross-site form posts into
 * the store).
 */

export interface RequestHeaders {
  method: string;
  host: string | null;
  origin: string | null;
  referer: string | null;
  /** The browser's Sec-Fetch-Site, when it sends one. */
  fetchSite: string | null;
}

/** The Host values the desk answers to on `port`: 127.0.0.1, localhost and [::1]. */
export function ownHosts(port: number): Set<string> {
  return new Set(['127.0.0.1', 'localhost', '[::1]'].map((name) => `${name}:${port}`));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** Null when the request may go on, else the reason it is refused (one sentence). */
export function refusal(req: RequestHeaders, hosts: ReadonlySet<string>): string | null {
  const host = req.host?.toLowerCase() ?? null;
  if (host === null || !hosts.has(host)) return `refused: Host '${req.host ?? ''}' is not this review desk`;
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  if (req.fetchSite !== null && req.fetchSite !== 'same-origin' && req.fetchSite !== 'none') return `refused: a ${req.fetchSite} request may not change the store`;
  const own = `http://${host}`;
  if (req.origin !== null) return req.origin === own ? null : `refused: Origin '${req.origin}' is not this review desk`;
  if (req.referer !== null) return originOf(req.referer) === own ? null : 'refused: the request came from another site';
  return 'refused: a change needs the Origin of this review desk';
}
