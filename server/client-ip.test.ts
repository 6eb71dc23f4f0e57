import { clientAddress } from './client-ip';

const peer = '127.0.0.1'; // the proxy on the same host

describe('the client address behind TRUST_PROXY proxies', () => {
  it('is the socket peer when no proxy is trusted, whatever the header says', () => {
    expect(clientAddress('203.0.113.7', peer, 0)).toBe(peer);
    expect(clientAddress(undefined, peer, 0)).toBe(peer);
  });

  it('is the entry the N-th trusted proxy appended, counted from the right', () => {
    expect(clientAddress('203.0.113.7', peer, 1)).toBe('203.0.113.7');
    // A client that sends its own header cannot choose its address: it is left of the proxy's entry.
    expect(clientAddress('1.2.3.4, 203.0.113.7', peer, 1)).toBe('203.0.113.7');
    // A CDN and then nginx: the CDN appended the client, nginx appended the CDN.
    expect(clientAddress('1.2.3.4, 203.0.113.7, 198.51.100.2', peer, 2)).toBe('203.0.113.7');
  });

  it('takes the left-most entry when there are fewer entries than proxies (it too came from a proxy)', () => {
    expect(clientAddress('203.0.113.7', peer, 3)).toBe('203.0.113.7');
  });

  it('reads IPv6 and addresses with a port, as some proxies write them', () => {
    expect(clientAddress('2001:db8::1', peer, 1)).toBe('2001:db8::1');
    expect(clientAddress('[2001:db8::1]:4711', peer, 1)).toBe('2001:db8::1');
    expect(clientAddress('203.0.113.7:4711', peer, 1)).toBe('203.0.113.7');
  });

  it('falls back to the peer when the header is missing, empty, or its entry is no address', () => {
    expect(clientAddress(undefined, peer, 1)).toBe(peer);
    expect(clientAddress(' , ', peer, 1)).toBe(peer);
    expect(clientAddress('unknown', peer, 1)).toBe(peer);
    expect(clientAddress('1.2.3.4, <script>', peer, 1)).toBe(peer);
  });
});
