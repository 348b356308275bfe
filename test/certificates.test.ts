import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign, decodeJwt, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { trackCredential, CONTEXTS } from '../core/certificates/open-badge.js';
import {
  generateIssuerKey,
  publicJwk,
  signCredential,
} from '../core/certificates/sign-credential.js';
import { cli, tempWorkspace } from './helpers/cli.js';

const CONFIG = `version: 1
certificates:
  issuer:
    id: https://github.com/acme/enablement
    name: Acme Enablement
`;
const TRACK = {
  id: 'support-onboarding',
  title: 'Support onboarding',
  summary: 'Everything a new support engineer needs in week one.',
  validFor: '365d',
};
const award = (learner = 'ana', at = '2026-11-20T10:00:00Z') => ({
  learner,
  track: TRACK,
  awardedAt: at,
  commit: '0123456789abcdef0123456789abcdef01234567',
  repoUrl: 'https://github.com/acme/enablement',
  serverUrl: 'https://github.com',
});
const ISSUER = { id: 'https://github.com/acme/enablement', name: 'Acme Enablement' };
const STATUS = 'https://github.com/acme/enablement/raw/HEAD/curricula/certificates/revoked.json';

describe('certificates: Open Badges 3.0, signed, verified', () => {
  const dir = tempWorkspace({ 'enablekit.yml': CONFIG });
  const keyFile = join(mkdtempSync(join(tmpdir(), 'enablekit-key-')), 'issuer.jwk');
  const gen = cli(['certificate', 'keygen', '--out', keyFile], dir);
  const privateJwk = () => JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  const NOW = { ENABLEKIT_NOW: '2026-12-01T09:00:00Z' };
  const verify = (token: string, env = NOW) => {
    writeFileSync(join(dir, 'ana.jwt'), token);
    return cli(['certificate', 'verify', 'ana.jwt'], dir, env);
  };

  it('keygen writes the private key where asked and publishes the public key and an empty revocation list', () => {
    assert.equal(gen.code, 0, gen.stderr);
    assert.match(gen.stdout, /Wrote the private key \(RS256, [\w-]+\) to .*issuer\.jwk\./);
    assert.match(gen.stdout, /gh secret set ENABLEKIT_CERTIFICATE_KEY/);
    const published = JSON.parse(readFileSync(join(dir, 'certificates/issuer-keys.json'), 'utf8'));
    assert.equal(published.keys.length, 1);
    assert.ok(!('d' in published.keys[0]), 'no private member is published');
    assert.equal(published.keys[0].kid, privateJwk().kid);
    assert.deepEqual(
      JSON.parse(readFileSync(join(dir, 'certificates/revoked.json'), 'utf8')).revokedCredentials,
      [],
    );
  });

  it('keygen refuses to write the private key inside the repository, or over a file', () => {
    const repo = tempWorkspace({ 'enablekit.yml': CONFIG });
    mkdirSync(join(repo, '.git'));
    const r = cli(['certificate', 'keygen', '--out', 'issuer.jwk'], repo);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Expected --out outside the repository; found issuer\.jwk/);
    assert.ok(!existsSync(join(repo, 'issuer.jwk')));
    assert.ok(!existsSync(join(repo, 'certificates/issuer-keys.json')));
    const again = cli(['certificate', 'keygen', '--out', keyFile], dir);
    assert.match(again.stderr, /Expected --out to name a new file; found .* already there/);
  });

  it('a credential names the learner, the track, the date and the commit, as OB 3.0 lays it out', async () => {
    const c = trackCredential(award(), ISSUER, STATUS);
    const token = await signCredential(c, privateJwk());
    const header = decodeProtectedHeader(token);
    assert.equal(header.alg, 'RS256');
    assert.equal(header.typ, 'JWT');
    assert.ok(header.jwk && !('d' in header.jwk), 'the public key rides along, never the private');
    const claims = decodeJwt(token);
    assert.deepEqual(claims['@context'], CONTEXTS);
    assert.deepEqual(claims.type, ['VerifiableCredential', 'OpenBadgeCredential']);
    assert.equal(claims.iss, ISSUER.id);
    assert.equal(claims.jti, c.id);
    assert.match(
      c.id,
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.equal(claims.sub, 'https://github.com/ana');
    assert.equal(claims.nbf, Date.parse('2026-11-20T10:00:00Z') / 1000);
    assert.equal(claims.exp, Date.parse('2027-11-20T10:00:00Z') / 1000);
    assert.equal(c.validUntil, '2027-11-20T10:00:00Z');
    const achievement = c.credentialSubject.achievement;
    assert.deepEqual(
      [achievement.type, achievement.name, achievement.description],
      [['Achievement'], 'Support onboarding', TRACK.summary],
    );
    assert.equal(c.evidence[0]!.id, `${award().repoUrl}/tree/${award().commit}`);
    assert.deepEqual(c.credentialStatus, { id: STATUS, type: '1EdTechRevocationList' });
    // The same award gives the same id, whichever run issues it; another learner, another.
    assert.equal(trackCredential(award(), ISSUER, STATUS).id, c.id);
    assert.equal(trackCredential(award('ANA'), ISSUER, STATUS).id, c.id);
    assert.notEqual(trackCredential(award('bo'), ISSUER, STATUS).id, c.id);
  });

  it('verify says it is valid, with who, what, when and until when', async () => {
    const token = await signCredential(trackCredential(award(), ISSUER, STATUS), privateJwk());
    const r = verify(`${token}\r\n`);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      'ana.jwt: Valid: https://github.com/ana completed Support onboarding on 2026-11-20 (curricula at 0123456789ab), issued by Acme Enablement; valid until 2027-11-20. Not revoked.\n',
    );
  });

  it('a certificate changed after signing, or signed with a key of its own, is refused', async () => {
    const token = await signCredential(trackCredential(award(), ISSUER, STATUS), privateJwk());
    const [h, p, s] = token.split('.');
    const forged = JSON.parse(Buffer.from(p!, 'base64url').toString());
    forged.credentialSubject.id = 'https://github.com/mallory';
    forged.sub = 'https://github.com/mallory';
    const tampered = verify(
      `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${s}`,
    );
    assert.equal(tampered.code, 1);
    assert.match(tampered.stderr, /changed after it was signed/);
    // Mallory signs with her own key and puts it in the header, as the format allows.
    const own = await generateIssuerKey('RS256');
    const selfSigned = await signCredential(
      trackCredential(award('mallory'), ISSUER, STATUS),
      own.privateJwk,
    );
    const r = verify(selfSigned);
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /Expected the certificate to be signed with one of the issuer's keys \(.+\); found a key with thumbprint .+\. It was not issued by this repository's Action/,
    );
    // alg "none" and HMAC are never read.
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.x`;
    assert.match(
      verify(none).stderr,
      /Expected the certificate to be signed with RS256, EdDSA, ES256; found none/,
    );
    const hmac = await new CompactSign(Buffer.from(JSON.stringify(forged)))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(await importJWK({ kty: 'oct', k: 'c2VjcmV0' }, 'HS256'));
    assert.match(verify(hmac).stderr, /found HS256/);
    assert.match(
      verify('not a certificate').stderr,
      /Expected a certificate: a signed token of three parts/,
    );
  });

  it('an expired certificate, one of another issuer, and one not yet valid are named as such', async () => {
    const token = await signCredential(trackCredential(award(), ISSUER, STATUS), privateJwk());
    const late = verify(token, { ENABLEKIT_NOW: '2027-11-20T10:00:00Z' });
    assert.equal(late.code, 1);
    assert.match(late.stderr, /expired on 2027-11-20/);
    const early = verify(token, { ENABLEKIT_NOW: '2026-11-19T00:00:00Z' });
    assert.match(early.stderr, /valid from 2026-11-20T10:00:00Z/);
    const other = await signCredential(
      trackCredential(award(), { id: 'https://github.com/other/org', name: 'Other' }, STATUS),
      privateJwk(),
    );
    assert.match(
      verify(other).stderr,
      /Expected the issuer https:\/\/github\.com\/acme\/enablement \(certificates\.issuer\.id in enablekit\.yml\); found "https:\/\/github\.com\/other\/org"/,
    );
  });

  it('revoke adds it to the revocation list once, and verify then says why', async () => {
    const token = await signCredential(trackCredential(award('cy'), ISSUER, STATUS), privateJwk());
    writeFileSync(join(dir, 'cy.jwt'), token);
    const r = cli(
      ['certificate', 'revoke', 'cy.jwt', '--reason', 'Release 4.0 changed escalations'],
      dir,
      NOW,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /Revoked 1 certificate\(s\) in certificates\/revoked\.json; commit it\./,
    );
    assert.match(
      cli(['certificate', 'revoke', 'cy.jwt', '--reason', 'again'], dir, NOW).stdout,
      /nothing changed/,
    );
    const v = cli(['certificate', 'verify', 'cy.jwt'], dir, NOW);
    assert.equal(v.code, 1);
    assert.match(
      v.stderr,
      /cy\.jwt: Not valid\. The certificate was revoked: Release 4\.0 changed escalations \(revoked 2026-12-01\)\./,
    );
    // Ana's, not revoked, still verifies.
    const ana = await signCredential(trackCredential(award(), ISSUER, STATUS), privateJwk());
    assert.equal(verify(ana).code, 0);
  });

  it('a second key keeps certificates of the first verifying (key rotation)', async () => {
    const old = await signCredential(trackCredential(award(), ISSUER, STATUS), privateJwk());
    const second = join(mkdtempSync(join(tmpdir(), 'enablekit-key-')), 'second.jwk');
    assert.equal(cli(['certificate', 'keygen', '--alg', 'EdDSA', '--out', second], dir).code, 0);
    const keys = JSON.parse(readFileSync(join(dir, 'certificates/issuer-keys.json'), 'utf8')).keys;
    assert.deepEqual(
      keys.map((k: JWK) => k.kty),
      ['RSA', 'OKP'],
    );
    assert.equal(verify(old).code, 0);
    const fresh = await signCredential(
      trackCredential(award(), ISSUER, STATUS),
      JSON.parse(readFileSync(second, 'utf8')) as JWK,
    );
    assert.equal(decodeProtectedHeader(fresh).alg, 'EdDSA');
    assert.equal(verify(fresh).code, 0);
  });

  it('a key file holding a private key is refused by verify, saying what to do', () => {
    const leaky = tempWorkspace({
      'enablekit.yml': CONFIG,
      'certificates/issuer-keys.json': JSON.stringify({ keys: [privateJwk()] }),
      'certificates/revoked.json': '{"revokedCredentials":[]}',
      'x.jwt': 'a.b.c',
    });
    const r = cli(['certificate', 'verify', 'x.jwt'], leaky);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Expected only public keys; found a private key/);
    assert.deepEqual(Object.keys(publicJwk(privateJwk())).includes('d'), false);
  });

  it('without certificates: in enablekit.yml, says what to add', () => {
    const bare = tempWorkspace({ 'enablekit.yml': 'version: 1\n', 'x.jwt': 'a.b.c' });
    const r = cli(['certificate', 'verify', 'x.jwt'], bare);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /Expected certificates: in enablekit\.yml, with issuer: \{ id, name \}; found none/,
    );
  });
});
