import crypto from 'node:crypto';
import tls from 'node:tls';

let publicRoots: Set<string> | null = null;

/** sha256 fingerprints of the public roots Node ships (Mozilla's CA store). */
export const publicRootFingerprints = (): Set<string> => {
  publicRoots ??= new Set(tls.rootCertificates.map((pem) => new crypto.X509Certificate(pem).fingerprint256));
  return publicRoots;
};

export interface ChainInfo {
  readonly subjects: string[];
  readonly terminalIssuer: string;
  readonly terminalFingerprint: string;
  readonly endsInPublicRoot: boolean;
}

const describe = (cert: tls.PeerCertificate): string =>
  [cert.subject?.CN, cert.subject?.O].filter((x) => typeof x === 'string' && x !== '').join(', ') || '(no name)';

/**
 * Walks the presented chain (Node completes it from its store when it can) to its last
 * certificate. A chain that does not end in one of Node's public roots means the TLS session is
 * terminated by something else: a proxy, a security appliance, or a private CA.
 */
export const inspectChain = (peer: tls.DetailedPeerCertificate, roots: Set<string> = publicRootFingerprints()): ChainInfo => {
  const subjects: string[] = [];
  let cert: tls.DetailedPeerCertificate = peer;
  for (let i = 0; i < 10; i += 1) {
    subjects.push(describe(cert));
    const next = cert.issuerCertificate;
    if (!next || next === cert || next.fingerprint256 === cert.fingerprint256) break;
    cert = next;
  }
  const issuer = cert.issuer ? [cert.issuer.CN, cert.issuer.O].filter(Boolean).join(', ') : '';
  const fingerprintMatches = roots.has(cert.fingerprint256);
  // A chain whose last certificate is signed by a public root (root not sent) also counts.
  return { subjects, terminalIssuer: issuer, terminalFingerprint: cert.fingerprint256, endsInPublicRoot: fingerprintMatches };
};
