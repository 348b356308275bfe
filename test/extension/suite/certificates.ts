import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activated, until } from './helpers.js';
import { trackCredential } from '../../../core/certificates/open-badge.js';
import { generateIssuerKey, signCredential } from '../../../core/certificates/sign-credential.js';

/**
 * Verify certificate in VS Code (issue #23, item 2): the check the CLI makes, on a .jwt file,
 * against the keys and revocation list of the curricula open.
 */
export function registerCertificatesSuite(folder: string): void {
  const config = join(folder, 'curricula', 'enablekit.yml');
  const original = readFileSync(config, 'utf8');
  const file = (name: string) => vscode.Uri.file(join(folder, name));
  type Result = { valid: boolean; message: string } | { outOfContext: string };
  const verify = (u: vscode.Uri) =>
    vscode.commands.executeCommand<Result>('enablekit.verifyCertificate', u);

  describe('certificates in VS Code', () => {
    after(async () => {
      writeFileSync(config, original);
      rmSync(join(folder, 'curricula', 'certificates'), { recursive: true, force: true });
      for (const f of ['ana.jwt', 'forged.jwt']) rmSync(join(folder, f), { force: true });
      const api = await activated();
      await until(
        'the config without certificates',
        () => !api.workspace.lintSession?.currentConfig.certificates,
      );
    });

    it('says what is missing where the curricula issue no certificates', async () => {
      writeFileSync(join(folder, 'ana.jwt'), 'a.b.c');
      const r = await verify(file('ana.jwt'));
      assert.ok(r && 'outOfContext' in r, JSON.stringify(r));
      assert.match(r.outOfContext, /enablekit\.yml has no certificates: section/);
    });

    it('verifies a certificate against the issuer keys of the curricula, and names a forged one', async () => {
      const api = await activated();
      const { privateJwk, publicJwk } = await generateIssuerKey('RS256');
      mkdirSync(join(folder, 'curricula', 'certificates'), { recursive: true });
      writeFileSync(
        join(folder, 'curricula', 'certificates', 'issuer-keys.json'),
        JSON.stringify({ keys: [publicJwk] }),
      );
      writeFileSync(
        join(folder, 'curricula', 'certificates', 'revoked.json'),
        '{"revokedCredentials":[]}\n',
      );
      writeFileSync(
        config,
        `${original}certificates:\n  issuer:\n    id: https://github.com/acme/enablement\n    name: Acme Enablement\n`,
      );
      await until(
        'the config with certificates',
        () => api.workspace.lintSession?.currentConfig.certificates,
      );
      const credential = trackCredential(
        {
          learner: 'ana',
          track: { id: 'support-onboarding', title: 'Support onboarding' },
          awardedAt: new Date(Date.now() - 86_400_000).toISOString(),
          commit: '0123456789abcdef0123456789abcdef01234567',
          repoUrl: 'https://github.com/acme/enablement',
          serverUrl: 'https://github.com',
        },
        { id: 'https://github.com/acme/enablement', name: 'Acme Enablement' },
        'https://github.com/acme/enablement/raw/HEAD/curricula/certificates/revoked.json',
      );
      const token = await signCredential(credential, privateJwk);
      writeFileSync(join(folder, 'ana.jwt'), `${token}\n`);
      const ok = await verify(file('ana.jwt'));
      assert.ok(ok && 'valid' in ok, JSON.stringify(ok));
      assert.equal(ok.valid, true, ok.message);
      assert.match(
        ok.message,
        /^Valid: https:\/\/github\.com\/ana completed Support onboarding on \d{4}-\d\d-\d\d \(curricula at 0123456789ab\), issued by Acme Enablement; it does not expire\. Not revoked\.$/,
      );

      const mallory = await generateIssuerKey('RS256');
      writeFileSync(
        join(folder, 'forged.jwt'),
        await signCredential(credential, mallory.privateJwk),
      );
      const forged = await verify(file('forged.jwt'));
      assert.ok(forged && 'valid' in forged);
      assert.equal(forged.valid, false);
      assert.match(
        forged.message,
        /Not valid\. Expected the certificate to be signed with one of the issuer's keys/,
      );
    });
  });
}
