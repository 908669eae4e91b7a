/** What the signed access token says. Everything else about the person is read fresh on each request. */
export interface AccessClaims {
  sub: string;
  /** Session (refresh family) id: revoking it ends this access token too. */
  sid: string;
  /** The district chosen for this session, and the membership held there. */
  tid?: string;
  mid?: string;
  iat: number;
  exp: number;
}
