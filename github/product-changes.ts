import {
  previousRelease,
  pullNumbersIn,
  type ProductChanges,
} from '../core/freshness/product-changes.js';
import type { Client } from './calls.js';

const MAX_PAGES = 10;

/**
 * What changed in the product repository between the release before `tag` and `tag`:
 * the compare API's commits and files (paginated), and the labels of the pull requests
 * its merge commits name. Undefined, with a warning, when the product repository cannot
 * be read: the other sources of touched features still apply.
 */
export async function readProductChanges(
  gh: Client,
  productRepository: string,
  tag: string,
  previous: string | undefined,
): Promise<ProductChanges | undefined> {
  const [owner = '', repo = ''] = productRepository.split('/');
  try {
    let base = previous;
    if (!base) {
      const { data } = await gh.rest.repos.listReleases({ owner, repo, per_page: 100 });
      base = previousRelease(
        data.filter((r) => !r.draft).map((r) => r.tag_name),
        tag,
      );
    }
    if (!base) {
      gh.log.warn(
        `Expected a release of ${productRepository} before ${tag} to compare with; found none. Pull request labels and paths were not read; pass previous-release (or "previous" in the dispatch payload).`,
      );
      return undefined;
    }
    const messages: string[] = [];
    const paths = new Set<string>();
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data, headers } = await gh.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${base}...${tag}`,
        per_page: 100,
        page,
      });
      for (const c of data.commits) messages.push(c.commit.message);
      for (const f of data.files ?? []) paths.add(f.filename);
      if (!/rel="next"/.test(headers.link ?? '')) break;
    }
    const wanted = new Set(pullNumbersIn(messages));
    const pulls: ProductChanges['pulls'] = [];
    for (let page = 1; wanted.size && page <= MAX_PAGES; page++) {
      const { data, headers } = await gh.rest.pulls.list({
        owner,
        repo,
        state: 'closed',
        sort: 'updated',
        direction: 'desc',
        per_page: 100,
        page,
      });
      for (const p of data)
        if (wanted.delete(p.number))
          pulls.push({ number: p.number, labels: p.labels.map((l) => l.name) });
      if (!/rel="next"/.test(headers.link ?? '')) break;
    }
    return { paths: [...paths], pulls };
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status !== 404 && status !== 403) throw e;
    gh.log.warn(
      `Expected to read ${productRepository} to see which pull requests ${tag} brought; GitHub answered ${status}. Give the Action a token that can read that repository (input github-token), or name the features in the release notes or the features input.`,
    );
    return undefined;
  }
}
